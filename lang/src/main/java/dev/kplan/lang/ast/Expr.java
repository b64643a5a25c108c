package dev.kplan.lang.ast;

/**
 * An expression. The set of constructs is closed, so the evaluator and the reference walker can
 * handle each one explicitly.
 */
public sealed interface Expr extends Node
    permits LiteralExpr, TemplateExpr, TemplateWrapExpr, TraversalExpr, RelativeTraversalExpr, IndexExpr,
        SplatExpr, SplatItemExpr, FunctionCallExpr, ConditionalExpr, BinaryOpExpr, UnaryOpExpr, ForExpr,
        TupleExpr, ObjectExpr, ParenExpr {}
