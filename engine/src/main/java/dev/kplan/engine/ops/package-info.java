/**
 * The operations the CLI runs ({@code plan}, {@code apply}, {@code destroy}): each loads the
 * configuration and variables, opens the state store (H2 beside the configuration by default),
 * holds the state lock for the whole operation, finds providers by {@code ServiceLoader}, plans and
 * applies. Everything a user can cause comes back as diagnostics. Imports the rest of the engine,
 * lang, the provider SPI and the state (including its JDBC store); never a provider implementation
 * or the CLI.
 */
package dev.kplan.engine.ops;
