/**
 * The applier: carries out a {@link dev.kplan.engine.plan.Plan} with configured providers, in
 * dependency order and in parallel, recording every finished change through the state lock at once
 * and reporting progress as {@link dev.kplan.engine.apply.ApplyEvent}s. Imports lang values and
 * diagnostics, engine.addrs/plan/planner (sensitive paths), the provider SPI and the state
 * vocabulary; never a state implementation, a provider implementation or the CLI.
 */
package dev.kplan.engine.apply;
