/**
 * The provider SPI: what a provider declares (schemas) and the calls the engine makes (configure,
 * validate, read, plan, apply, import, read data, upgrade state). Every call takes a request record
 * and returns a result record that carries diagnostics; optional capabilities are default methods.
 * Providers are found with {@link java.util.ServiceLoader} through {@link ProviderFactory}. Depends
 * on lang values and diagnostics only.
 */
package dev.kplan.provider;
