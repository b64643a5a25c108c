/**
 * The dependency graph of a module: one node per variable, local, provider configuration,
 * resource, data source and output, and edges from the references each expression lists (without
 * evaluating it) plus {@code depends_on}. Built by a short, named list of steps
 * ({@link dev.kplan.engine.graph.GraphBuilder#PLAN_STEPS}); cycles are diagnostics naming their
 * members in order. Imports lang, engine.addrs and engine.config; never engine.plan or state.
 */
package dev.kplan.engine.graph;
