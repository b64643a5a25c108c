package dev.kplan.lang.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.ParseTreeVisitor;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * A token of the streaming first parse stage that is also its own parse-tree leaf. ANTLR's
 * {@code CommonToken} and {@code TerminalNodeImpl} take 72 bytes per consumed token; this takes 32:
 * line and column are computed from the file's line index when asked for, the text is cut from
 * the source string instead of being copied through the char stream, type and channel share an
 * int, and the token is not numbered (the streaming stage never seeks by token index).
 */
final class LeafToken implements Token, TerminalNode {
  private final Factory origin;
  private final int typeAndChannel; // type in the low 16 bits (EOF is -1), channel above
  private final int start;
  private final int stop;
  private ParseTree parent;

  private LeafToken(Factory origin, int type, int channel, int start, int stop) {
    if (type < Token.EOF || type > Short.MAX_VALUE || channel < 0 || channel > Short.MAX_VALUE) {
      throw new IllegalArgumentException("token type or channel out of range: " + type + ", " + channel);
    }
    this.origin = origin;
    this.typeAndChannel = (channel << 16) | (type & 0xFFFF);
    this.start = start;
    this.stop = stop;
  }

  /** Makes leaf tokens for one source text; tokens whose text a lexer action set stay {@code CommonToken}s. */
  static final class Factory implements TokenFactory<Token> {
    private final String text;
    private final SourcePositions pos;
    private Pair<TokenSource, CharStream> source;

    Factory(String text, SourcePositions pos) {
      this.text = text;
      this.pos = pos;
    }

    @Override
    public Token create(Pair<TokenSource, CharStream> source, int type, String text, int channel, int start, int stop,
        int line, int charPositionInLine) {
      if (text != null) {
        CommonToken t = new CommonToken(source, type, channel, start, stop);
        t.setLine(line);
        t.setCharPositionInLine(charPositionInLine);
        t.setText(text);
        return t;
      }
      this.source = source;
      return new LeafToken(this, type, channel, start, stop);
    }

    @Override
    public Token create(int type, String text) {
      return new CommonToken(type, text);
    }
  }

  /** Makes this token a leaf of {@code parent}; null when it already is a leaf of some tree. */
  LeafToken attachTo(ParseTree parent) {
    if (this.parent != null) {
      return null;
    }
    this.parent = parent;
    return this;
  }

  /** This token's text from {@code pool}: no copy when the pool has seen the same text. */
  String sharedText(NamePool pool) {
    int from = origin.pos.charOffsetOf(start);
    int to = getType() == Token.EOF || stop < start ? from : origin.pos.charOffsetOf(stop + 1);
    if (getType() == Token.EOF || to - from > NamePool.MAX_LENGTH) {
      return getText();
    }
    return pool.intern(origin.text, from, to);
  }

  // ---- Token ----

  @Override
  public String getText() {
    if (getType() == Token.EOF) {
      return "<EOF>";
    }
    if (stop < start) {
      return "";
    }
    return origin.text.substring(origin.pos.charOffsetOf(start), origin.pos.charOffsetOf(stop + 1));
  }

  @Override
  public int getType() {
    return (short) typeAndChannel;
  }

  @Override
  public int getLine() {
    return origin.pos.lineIndexOf(start) + 1;
  }

  @Override
  public int getCharPositionInLine() {
    return origin.pos.columnOf(start) - 1;
  }

  @Override
  public int getChannel() {
    return typeAndChannel >>> 16;
  }

  @Override
  public int getTokenIndex() {
    return -1;
  }

  @Override
  public int getStartIndex() {
    return start;
  }

  @Override
  public int getStopIndex() {
    return stop;
  }

  @Override
  public TokenSource getTokenSource() {
    return origin.source.a;
  }

  @Override
  public CharStream getInputStream() {
    return origin.source.b;
  }

  // ---- TerminalNode ----

  @Override
  public Token getSymbol() {
    return this;
  }

  @Override
  public ParseTree getParent() {
    return parent;
  }

  @Override
  public void setParent(RuleContext parent) {
    this.parent = parent;
  }

  @Override
  public Token getPayload() {
    return this;
  }

  @Override
  public ParseTree getChild(int i) {
    return null;
  }

  @Override
  public int getChildCount() {
    return 0;
  }

  @Override
  public <T> T accept(ParseTreeVisitor<? extends T> visitor) {
    return visitor.visitTerminal(this);
  }

  @Override
  public Interval getSourceInterval() {
    return Interval.INVALID;
  }

  @Override
  public String toStringTree(Parser parser) {
    return toString();
  }

  @Override
  public String toStringTree() {
    return toString();
  }

  @Override
  public String toString() {
    return getText();
  }
}
