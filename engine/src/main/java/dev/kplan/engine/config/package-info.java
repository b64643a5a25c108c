/**
 * Loading a configuration folder into a {@link dev.kplan.engine.config.Module}: parsing
 * {@code *.kp.hcl} files, reading variable, locals, provider, resource, data and output blocks with
 * their meta-arguments, checking bodies (against the provider SPI's schemas for resources), and
 * resolving input variables and locals. Imports lang, engine.addrs and the provider SPI's schema
 * records; never the CLI, state or a provider implementation.
 *
 * <p>A resource type maps to its provider as in Terraform: the explicit {@code provider = name.alias}
 * meta-argument, else the type's prefix before its first {@code _} ({@code local_file} → {@code local}).
 */
package dev.kplan.engine.config;
