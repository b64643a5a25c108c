package dev.kplan.lang.syntax;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The superclass of the generated parser ({@code superClass}): a {@link LeafToken} becomes its own
 * parse-tree leaf instead of being wrapped in a new {@code TerminalNodeImpl}.
 */
abstract class LeafParser extends org.antlr.v4.runtime.Parser {
  LeafParser(TokenStream input) {
    super(input);
  }

  @Override
  public TerminalNode createTerminalNode(ParserRuleContext parent, Token t) {
    if (t instanceof LeafToken leaf) {
      LeafToken node = leaf.attachTo(parent);
      if (node != null) {
        return node;
      }
    }
    return super.createTerminalNode(parent, t);
  }
}
