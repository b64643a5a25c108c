/**
 * Loading a configuration folder into a {@link dev.kplan.engine.config.Module}: parsing
 * {@code *.kp.hcl} files, checking block schemas, and resolving input variables and locals. Imports
 * lang only; never the CLI or a provider implementation.
 */
package dev.kplan.engine.config;
