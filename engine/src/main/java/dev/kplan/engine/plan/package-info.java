/**
 * The plan vocabulary: a {@link dev.kplan.engine.plan.Plan} is a value (changes per instance,
 * drift, outputs, diagnostics, the prior state's serial and lineage) that the CLI renders and the
 * applier carries out. Plain data: records and enums only. Imports lang values and diagnostics,
 * engine.addrs and the provider SPI's {@code Attribution}; never the planner, state or a provider.
 */
package dev.kplan.engine.plan;
