/**
 * kplan's own version and Terraform-style version constraints ({@code required_version}). Plain
 * data and pure functions; imports nothing from the rest of the engine.
 */
package dev.kplan.engine.version;
