/**
 * HCL native syntax: the ANTLR grammar (generated HclLexer/HclParser stay package-private in use),
 * {@link dev.kplan.lang.syntax.Parser} as the one entry point, and the builder from parse trees to
 * {@code lang.ast}. Nothing outside this package may import the generated classes.
 */
package dev.kplan.lang.syntax;
