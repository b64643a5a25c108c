/**
 * Evaluation of expressions with HCL's {@code hclsyntax} semantics on go-cty-like values:
 * {@link dev.kplan.lang.eval.EvalContext} (chained scopes), {@link dev.kplan.lang.eval.Evaluator},
 * {@link dev.kplan.lang.eval.Operators} and {@link dev.kplan.lang.eval.TemplateFileRenderer}.
 *
 * <p>Numbers: arithmetic is done as cty does it, on binary floats with a 512-bit mantissa
 * ({@link dev.kplan.lang.eval.Float512}), and each result is stored as the shortest decimal that
 * identifies that binary value, which is also how cty prints it. So {@code 1/3} shows 155 digits
 * and {@code 11 % 5.1} its binary residue, exactly as {@code tofu console} does. Two differences
 * remain because {@code NumberValue} is a normalised {@code BigDecimal}: there is no negative zero
 * ({@code -0} is {@code 0}) and no infinity (a non-zero number divided by zero is an
 * "Operation failed" error instead of {@code +Inf}). Numbers that functions compute as float64
 * are treated as exact decimals at 512 bits, not at cty's 53-bit precision.
 *
 * <p>Imports lang.ast, lang.value, lang.types, lang.functions, lang.diag and lang.syntax (for
 * template files); never the engine.
 */
package dev.kplan.lang.eval;
