/**
 * Saved plans ({@code kplan plan -out=FILE}, {@code kplan apply FILE}): the {@link
 * dev.kplan.engine.planfile.PlanFile} record and its versioned JSON document, with values that
 * round-trip exactly (unknowns, marks, types). Imports engine.plan, engine.addrs, lang values and
 * the provider SPI's {@code Attribution}; never the planner, applier, state store or a provider.
 */
package dev.kplan.engine.planfile;
