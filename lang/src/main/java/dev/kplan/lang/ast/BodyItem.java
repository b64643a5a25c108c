package dev.kplan.lang.ast;

/** An item of a body. */
public sealed interface BodyItem extends Node permits Attribute, Block {}
