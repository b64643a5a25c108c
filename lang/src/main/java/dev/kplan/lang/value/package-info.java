/** The value model (go-cty's): typed values, nulls, unknowns and marks. Imports only lang.types. */
package dev.kplan.lang.value;
