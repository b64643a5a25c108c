/**
 * Rendering a plan: {@link dev.kplan.cli.render.PlanRenderer} writes the human text Terraform users
 * read (drift first, then actions with {@code + ~ - -/+ +/- <=}, folded attribute diffs, the
 * summary line); {@link dev.kplan.cli.render.PlanJson} writes Terraform's JSON plan representation
 * for policy tools. Imports engine.plan, engine.addrs, lang values and Jackson; never the planner,
 * state or a provider. Never prints a sensitive value in text.
 */
package dev.kplan.cli.render;
