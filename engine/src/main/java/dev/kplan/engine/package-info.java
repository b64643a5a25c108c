/** Configuration loading, the resource graph, planning and applying. Must not import the CLI or a provider implementation. */
package dev.kplan.engine;
