/**
 * Terraform's function library. {@link dev.kplan.lang.functions.FunctionSpec} declares per
 * parameter whether it takes null, unknown or marked values, and the framework short-circuits the
 * rest, so function bodies only see what they declared. Imports lang.value, lang.types only.
 */
package dev.kplan.lang.functions;
