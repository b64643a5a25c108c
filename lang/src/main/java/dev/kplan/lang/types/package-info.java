/** The type system of values: primitives, collections, structural types and {@code any}; conversions. Imports only lang.value and lang.diag. */
package dev.kplan.lang.types;
