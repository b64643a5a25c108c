/**
 * The console's evaluation path: one line of text in, one value or error out, rendered as a
 * compact JSON line ({@code kplan console -json}) or as Terraform's console prints values. The CLI
 * and the differential test against OpenTofu both go through {@link
 * dev.kplan.lang.console.ConsoleEvaluator}. Depends on {@code syntax}, {@code eval},
 * {@code functions} and {@code value}; nothing here does I/O.
 */
package dev.kplan.lang.console;
