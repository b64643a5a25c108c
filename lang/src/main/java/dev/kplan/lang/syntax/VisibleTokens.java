package dev.kplan.lang.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The lexer's default-channel tokens only, for a streaming token stream: ANTLR's
 * {@code UnbufferedTokenStream} does not skip hidden tokens (comments, hidden newlines) as
 * {@code CommonTokenStream} does.
 */
final class VisibleTokens implements TokenSource {
  private final HclLexer lexer;

  VisibleTokens(HclLexer lexer) {
    this.lexer = lexer;
  }

  @Override
  public Token nextToken() {
    Token t = lexer.nextToken();
    while (t.getChannel() != Token.DEFAULT_CHANNEL) {
      t = lexer.nextToken();
    }
    return t;
  }

  @Override
  public int getLine() {
    return lexer.getLine();
  }

  @Override
  public int getCharPositionInLine() {
    return lexer.getCharPositionInLine();
  }

  @Override
  public CharStream getInputStream() {
    return lexer.getInputStream();
  }

  @Override
  public String getSourceName() {
    return lexer.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    lexer.setTokenFactory(factory);
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return lexer.getTokenFactory();
  }
}
