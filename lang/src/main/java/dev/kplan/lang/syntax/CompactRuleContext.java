package dev.kplan.lang.syntax;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The base of the generated parse-tree contexts ({@code contextSuperClass}): ANTLR's default child
 * list starts with room for ten children, but most HCL contexts (the expression → operation →
 * unary → postfix → term chain above every name) have one or two; the parse trees of a large file
 * were mostly empty array slots.
 */
public class CompactRuleContext extends ParserRuleContext {
  public CompactRuleContext() {}

  public CompactRuleContext(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  @Override
  public <T extends ParseTree> T addAnyChild(T t) {
    if (children == null) {
      children = new ArrayList<>(2);
    }
    children.add(t);
    return t;
  }
}
