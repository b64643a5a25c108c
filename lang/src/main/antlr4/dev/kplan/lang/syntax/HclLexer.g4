/*
 * Lexer for HCL native syntax.
 *
 * Newline significance follows hclsyntax: newlines end attributes and separate object items, but
 * inside (...), [...], template sequences and {for ...} expressions they are hidden. The lexer keeps
 * a small nesting stack to decide this, so the parser only ever sees significant newlines.
 * Quoted templates and heredocs have their own modes; ${ and %{ push the default mode again.
 */
lexer grammar HclLexer;


@members {
  private static final int N_BRACE = 0;
  private static final int N_FOR_BRACE = 1;
  private static final int N_PAREN = 2;
  private static final int N_BRACKET = 3;
  private static final int N_TEMPLATE = 4;

  private final java.util.ArrayDeque<Integer> nesting = new java.util.ArrayDeque<>();
  private final java.util.ArrayDeque<String> heredocMarkers = new java.util.ArrayDeque<>();
  private boolean finalNewline = true;
  private boolean finalNewlineDone;
  private boolean lastVisibleIsNewline = true;
  private boolean sawInvalid;

  /** Whether any token that is an error by itself (invalid character, newline in a string, open comment) was seen. */
  boolean sawInvalidToken() {
    return sawInvalid;
  }

  /** Whether to add a zero-width NEWLINE before EOF when the input does not end with one. */
  void setFinalNewline(boolean finalNewline) {
    this.finalNewline = finalNewline;
  }

  private boolean newlinesHidden() {
    Integer top = nesting.peek();
    return top != null && top != N_BRACE;
  }

  private void openBrace() {
    // "{ for" starts a for expression, inside which newlines are not significant.
    int i = 1;
    int c = _input.LA(i);
    while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      c = _input.LA(++i);
    }
    boolean isFor = c == 'f' && _input.LA(i + 1) == 'o' && _input.LA(i + 2) == 'r'
        && !isIdentPart(_input.LA(i + 3));
    nesting.push(isFor ? N_FOR_BRACE : N_BRACE);
  }

  private static boolean isIdentPart(int c) {
    return c == '-' || c == '_' || (c >= 0 && Character.isUnicodeIdentifierPart(c));
  }

  private void closeBrace() {
    // Pops up to the nearest brace-like opener, which also heals an unclosed ( or [ inside it.
    while (!nesting.isEmpty()) {
      int top = nesting.pop();
      if (top == N_TEMPLATE) {
        setType(TEMPLATE_CLOSE);
        if (!_modeStack.isEmpty()) {
          popMode();
        }
        return;
      }
      if (top == N_BRACE || top == N_FOR_BRACE) {
        return;
      }
    }
  }

  private void close(int kind) {
    if (!nesting.isEmpty() && nesting.peek() == kind) {
      nesting.pop();
    }
  }

  private void openTemplateSequence() {
    nesting.push(N_TEMPLATE);
    pushMode(DEFAULT_MODE);
  }

  private void openHeredoc() {
    String text = getText();
    int start = text.charAt(2) == '-' ? 3 : 2;
    int end = text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    heredocMarkers.push(text.substring(start, end));
    pushMode(HEREDOC);
    expectHeredocEnd();
  }

  /**
   * At the start of a heredoc line: when the line is the closing marker (after optional blanks),
   * switch to the mode that lexes it. Looking ahead here, instead of a semantic predicate on the
   * closing rule, keeps ANTLR's DFA cache usable for every other token of the heredoc.
   */
  private void expectHeredocEnd() {
    String marker = heredocMarkers.peek();
    if (marker == null) {
      return;
    }
    int i = 1;
    int c = _input.LA(i);
    while (c == ' ' || c == '\t') {
      c = _input.LA(++i);
    }
    int[] cps = marker.codePoints().toArray();
    for (int k = 0; k < cps.length; k++) {
      if (_input.LA(i + k) != cps[k]) {
        return;
      }
    }
    int after = _input.LA(i + cps.length);
    if (after == '\n' || after == '\r' || after == EOF) {
      mode(HEREDOC_END);
    }
  }

  @Override
  public Token nextToken() {
    Token t = super.nextToken();
    if (t.getType() == EOF) {
      if (finalNewline && !finalNewlineDone && !lastVisibleIsNewline) {
        finalNewlineDone = true;
        org.antlr.v4.runtime.CommonToken nl = new org.antlr.v4.runtime.CommonToken(
            _tokenFactorySourcePair, NEWLINE, DEFAULT_TOKEN_CHANNEL, t.getStartIndex(), t.getStartIndex() - 1);
        nl.setLine(t.getLine());
        nl.setCharPositionInLine(t.getCharPositionInLine());
        nl.setText("");
        return nl;
      }
      return t;
    }
    int type = t.getType();
    if (type == INVALID || type == Q_NEWLINE || type == UNTERMINATED_COMMENT) {
      sawInvalid = true;
    }
    if (t.getChannel() == DEFAULT_TOKEN_CHANNEL) {
      lastVisibleIsNewline = type == NEWLINE;
    }
    return t;
  }
}

// ---- default mode: expressions and bodies ----

NEWLINE : '\r'? '\n' { if (newlinesHidden()) setChannel(HIDDEN); } ;
WS : [ \t\r]+ -> skip ;
LINE_COMMENT : ('#' | '//') ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF ;

NUMBER : [0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)? ;

FOR : 'for' ;
IN : 'in' ;
IF : 'if' ;
ELSE : 'else' ;
ENDIF : 'endif' ;
ENDFOR : 'endfor' ;
IDENT : [\p{ID_Start}_] [\p{ID_Continue}\-]* ;

LBRACE : '{' { openBrace(); } ;
RBRACE : '}' { closeBrace(); } ;
TEMPLATE_CLOSE : '~}' { closeBrace(); if (getType() != TEMPLATE_CLOSE) setType(INVALID); } ;
LPAREN : '(' { nesting.push(N_PAREN); } ;
RPAREN : ')' { close(N_PAREN); } ;
LBRACK : '[' { nesting.push(N_BRACKET); } ;
RBRACK : ']' { close(N_BRACKET); } ;

ELLIPSIS : '...' ;
FAT_ARROW : '=>' ;
EQEQ : '==' ;
NEQ : '!=' ;
LE : '<=' ;
GE : '>=' ;
AND : '&&' ;
OR : '||' ;
DCOLON : '::' ;
EQ : '=' ;
LT : '<' ;
GT : '>' ;
NOT : '!' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
QUESTION : '?' ;
COLON : ':' ;
COMMA : ',' ;
DOT : '.' ;

Q_OPEN : '"' -> pushMode(QUOTED) ;
HEREDOC_OPEN : '<<' '-'? [\p{ID_Start}_] [\p{ID_Continue}\-]* '\r'? '\n' { openHeredoc(); } ;

INVALID : . ;

// ---- quoted templates ----
mode QUOTED;

Q_CLOSE : '"' -> popMode ;
TEMPLATE_INTERP : '${' '~'? { openTemplateSequence(); } ;
TEMPLATE_CONTROL : '%{' '~'? { openTemplateSequence(); } ;
Q_LIT : (~["\\$%\n] | '\\' ~[\n])+ ;
Q_ESCAPED_SEQ : ('$${' | '%%{') -> type(Q_LIT) ;
Q_SIGN : [$%\\] -> type(Q_LIT) ;
// A quoted template cannot span lines: end it here so the next line lexes normally.
Q_NEWLINE : '\r'? '\n' -> popMode ;

// ---- heredoc templates (also used for whole-file templates without a marker) ----
mode HEREDOC;

H_TEMPLATE_INTERP : '${' '~'? { openTemplateSequence(); } -> type(TEMPLATE_INTERP) ;
H_TEMPLATE_CONTROL : '%{' '~'? { openTemplateSequence(); } -> type(TEMPLATE_CONTROL) ;
H_LIT : ~[$%\r\n]+ ;
H_ESCAPED_SEQ : ('$${' | '%%{') -> type(H_LIT) ;
H_SIGN : [$%\r] -> type(H_LIT) ;
H_NEWLINE : '\n' { expectHeredocEnd(); } -> type(H_LIT) ;

// ---- the closing marker of a heredoc, entered only by expectHeredocEnd ----
mode HEREDOC_END;

HEREDOC_CLOSE : [ \t]* [\p{ID_Start}_] [\p{ID_Continue}\-]* { heredocMarkers.pop(); } -> popMode ;
