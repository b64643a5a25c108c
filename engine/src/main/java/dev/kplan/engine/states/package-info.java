/**
 * What {@code kplan state …} computes on stored state, apart from any configuration: address
 * filters and moves between addresses ({@link dev.kplan.engine.states.StateMoves}), the change set
 * that turns one state into another ({@link dev.kplan.engine.states.StateChanges}), differences
 * between two versions ({@link dev.kplan.engine.states.StateDiff}), Terraform's state JSON
 * (version 4) for {@code pull}/{@code push} ({@link dev.kplan.engine.states.StateJson}) and stored
 * objects read with their provider's schema ({@link dev.kplan.engine.states.StoredObjects}).
 * Works on {@code dev.kplan.state} snapshots; imports addresses, lang values and the provider SPI,
 * never the planner, the applier or the CLI.
 */
package dev.kplan.engine.states;
