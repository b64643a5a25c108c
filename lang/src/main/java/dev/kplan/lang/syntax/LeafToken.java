package dev.kplan.lang.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.ParseTreeVisitor;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * A token of the streaming first parse stage that is also its own parse-tree leaf. ANTLR's
 * {@code CommonToken} and {@code TerminalNodeImpl} take 72 bytes per consumed token; this takes 40:
 * line and column are computed from the file's line index when asked for, and the text is cut
 * from the source string instead of being copied through the char stream.
 */
final class LeafToken implements WritableToken, TerminalNode {
  private final Factory origin;
  private final int type;
  private final int start;
  private final int stop;
  private int channel;
  private int index = -1;
  private ParseTree parent;

  private LeafToken(Factory origin, int type, int channel, int start, int stop) {
    this.origin = origin;
    this.type = type;
    this.channel = channel;
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
    int to = type == Token.EOF || stop < start ? from : origin.pos.charOffsetOf(stop + 1);
    if (type == Token.EOF || to - from > NamePool.MAX_LENGTH) {
      return getText();
    }
    return pool.intern(origin.text, from, to);
  }

  // ---- Token ----

  @Override
  public String getText() {
    if (type == Token.EOF) {
      return "<EOF>";
    }
    if (stop < start) {
      return "";
    }
    return origin.text.substring(origin.pos.charOffsetOf(start), origin.pos.charOffsetOf(stop + 1));
  }

  @Override
  public int getType() {
    return type;
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
    return channel;
  }

  @Override
  public int getTokenIndex() {
    return index;
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

  // ---- WritableToken: the lexer and token streams set only the channel and the index ----

  @Override
  public void setText(String text) {
    throw new UnsupportedOperationException("the text of a leaf token is its source text");
  }

  @Override
  public void setType(int ttype) {
    throw new UnsupportedOperationException("the type of a leaf token is fixed");
  }

  @Override
  public void setLine(int line) {
    throw new UnsupportedOperationException("the line of a leaf token comes from its offset");
  }

  @Override
  public void setCharPositionInLine(int pos) {
    throw new UnsupportedOperationException("the column of a leaf token comes from its offset");
  }

  @Override
  public void setChannel(int channel) {
    this.channel = channel;
  }

  @Override
  public void setTokenIndex(int index) {
    this.index = index;
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
    return index < 0 ? Interval.INVALID : Interval.of(index, index);
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
    return type == Token.EOF ? "<EOF>" : getText();
  }
}
