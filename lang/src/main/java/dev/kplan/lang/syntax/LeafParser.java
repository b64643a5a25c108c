package dev.kplan.lang.syntax;

import java.util.function.Consumer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The superclass of the generated parser ({@code superClass}): a {@link LeafToken} becomes its own
 * parse-tree leaf instead of being wrapped in a new {@code TerminalNodeImpl}, and one hook sees
 * every finished rule context (a parse listener would cost an iterator for every rule and token).
 */
abstract class LeafParser extends org.antlr.v4.runtime.Parser {
  private Consumer<ParserRuleContext> ruleExitHook;

  LeafParser(TokenStream input) {
    super(input);
  }

  /** Calls {@code hook} with each context as its rule exits (also while a bail-out unwinds); null for none. */
  void setRuleExitHook(Consumer<ParserRuleContext> hook) {
    this.ruleExitHook = hook;
  }

  @Override
  public void exitRule() {
    ParserRuleContext ctx = getContext();
    super.exitRule();
    if (ruleExitHook != null) {
      ruleExitHook.accept(ctx);
    }
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
