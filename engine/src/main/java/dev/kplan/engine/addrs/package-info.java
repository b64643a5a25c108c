/**
 * The address vocabulary: resource and provider addresses with Terraform's text forms, parsing and
 * ordering. Plain data; imports only the JDK and lang.diag (parse errors are diagnostics).
 */
package dev.kplan.engine.addrs;
