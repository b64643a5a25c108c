/** The state store: versions, resources, outputs, locks. Must not import the engine, providers or the CLI. */
package dev.kplan.state;
