/**
 * The type system of values: primitives, collections, structural types and {@code any};
 * go-cty's conversions and unification; Terraform's type-constraint syntax with optional-attribute
 * defaults. Imports lang.value and lang.diag, and lang.ast only to read type-constraint
 * expressions.
 */
package dev.kplan.lang.types;
