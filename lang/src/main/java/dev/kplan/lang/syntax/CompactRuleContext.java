package dev.kplan.lang.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The base of the generated parse-tree contexts ({@code contextSuperClass}): children are kept in a
 * {@link ChildList} (most HCL contexts have one or two), and the child accessors that the generated
 * code calls walk them by index instead of allocating an iterator per call.
 */
public class CompactRuleContext extends ParserRuleContext {
  public CompactRuleContext() {}

  public CompactRuleContext(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  @Override
  public <T extends ParseTree> T addAnyChild(T t) {
    if (children == null) {
      children = new ChildList();
    }
    children.add(t);
    return t;
  }

  @Override
  public <T extends ParseTree> T getChild(Class<? extends T> ctxType, int i) {
    if (children == null || i < 0 || i >= children.size()) {
      return null;
    }
    int j = -1;
    for (int k = 0, n = children.size(); k < n; k++) {
      ParseTree o = children.get(k);
      if (ctxType.isInstance(o) && ++j == i) {
        return ctxType.cast(o);
      }
    }
    return null;
  }

  @Override
  public TerminalNode getToken(int ttype, int i) {
    if (children == null || i < 0 || i >= children.size()) {
      return null;
    }
    int j = -1;
    for (int k = 0, n = children.size(); k < n; k++) {
      if (children.get(k) instanceof TerminalNode t && t.getSymbol().getType() == ttype && ++j == i) {
        return t;
      }
    }
    return null;
  }

  @Override
  public List<TerminalNode> getTokens(int ttype) {
    if (children == null) {
      return List.of();
    }
    List<TerminalNode> tokens = null;
    for (int k = 0, n = children.size(); k < n; k++) {
      if (children.get(k) instanceof TerminalNode t && t.getSymbol().getType() == ttype) {
        if (tokens == null) {
          tokens = new ArrayList<>();
        }
        tokens.add(t);
      }
    }
    return tokens == null ? List.of() : tokens;
  }

  @Override
  public <T extends ParserRuleContext> List<T> getRuleContexts(Class<? extends T> ctxType) {
    if (children == null) {
      return List.of();
    }
    List<T> contexts = null;
    for (int k = 0, n = children.size(); k < n; k++) {
      ParseTree o = children.get(k);
      if (ctxType.isInstance(o)) {
        if (contexts == null) {
          contexts = new ArrayList<>();
        }
        contexts.add(ctxType.cast(o));
      }
    }
    return contexts == null ? List.of() : contexts;
  }
}
