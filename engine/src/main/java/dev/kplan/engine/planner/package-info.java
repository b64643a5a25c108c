/**
 * The planner: turns a loaded module, resolved variables, a state snapshot and configured
 * providers into a {@link dev.kplan.engine.plan.Plan}. Holds the invariants on what providers
 * return (proposed new state, plan validity) in small classes of their own. Imports lang,
 * engine.addrs/config/graph/plan, the provider SPI and the state vocabulary; never a state
 * implementation or a provider implementation.
 */
package dev.kplan.engine.planner;
