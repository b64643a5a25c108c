/** The command line: picocli commands and the rendering of results, diagnostics and progress. */
package dev.kplan.cli;
