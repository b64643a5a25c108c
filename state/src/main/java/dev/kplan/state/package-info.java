/**
 * The state store: versions of what kplan manages (resources with their attributes as JSON,
 * outputs), locks, and history. Plain data plus the {@link dev.kplan.state.StateStore} interface;
 * JDBC implementations live in {@code dev.kplan.state.jdbc}. Must not import the engine, lang,
 * providers or the CLI: attribute values are stored as JSON text.
 */
package dev.kplan.state;
