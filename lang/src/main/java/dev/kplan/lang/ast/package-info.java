/**
 * The closed syntax tree of HCL native syntax: one immutable record per construct, each with its
 * source range. Imports lang.value, lang.types and lang.diag only; never the generated parser.
 */
package dev.kplan.lang.ast;
