/**
 * Evaluation of expressions: {@link dev.kplan.lang.eval.EvalContext} (chained scopes),
 * {@link dev.kplan.lang.eval.Evaluator} (HCL hclsyntax semantics on go-cty-like values) and
 * {@link dev.kplan.lang.eval.Operators}. Imports lang.ast, lang.value, lang.types, lang.functions,
 * lang.diag and lang.syntax (for template files); never the engine.
 */
package dev.kplan.lang.eval;
