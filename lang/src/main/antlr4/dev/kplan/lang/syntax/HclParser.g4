/*
 * Parser for HCL native syntax (hclsyntax). The grammar accepts the valid files, plus a few
 * constructs that AstBuilder rejects with HCL's own messages (unbalanced template directives,
 * chained legacy indexes, keys in tuple for expressions). Syntax errors are handled by Parser's
 * second stage, which mirrors hclsyntax's recovery and wording. Templates are
 * parsed as a flat sequence of literals, interpolations and directive markers, and assembled into a
 * tree by AstBuilder, as hclsyntax does, so that strip markers and unbalanced directives are
 * handled in one place.
 */
parser grammar HclParser;

// The superclass is LeafParser (leaf tokens are their own parse-tree leaves); naming it also keeps
// dev.kplan.lang.syntax.Parser (our entry point) from shadowing ANTLR's Parser.
// Contexts extend CompactRuleContext, whose child lists start small (most contexts have one or two children).
options { tokenVocab = HclLexer; superClass = LeafParser; contextSuperClass = CompactRuleContext; }


configFile : body EOF ;

expressionFile : NEWLINE* expression NEWLINE* EOF ;

templateFile : templateItem* EOF ;

body : (NEWLINE | bodyItem)* ;

bodyItem
    : attribute
    | block
    ;

attribute : identifier EQ expression NEWLINE ;

block
    : identifier blockLabel* LBRACE
      ( NEWLINE body RBRACE
      | oneLineAttribute? RBRACE
      )
      NEWLINE
    ;

oneLineAttribute : identifier EQ expression ;

blockLabel
    : identifier
    | Q_OPEN Q_LIT* Q_CLOSE
    ;

identifier : IDENT | FOR | IN | IF | ELSE | ENDIF | ENDFOR ;

// An expression is kept flat — prefix operators, a term and its postfix steps, then binary operators
// and further operands — and grouped by HCL's precedence in AstBuilder. Fewer, shallower parse-tree
// nodes and a plain loop instead of a left-recursive rule keep both prediction and tree building fast.
expression
    : (MINUS | NOT)* term postfix*
      ( (STAR | SLASH | PERCENT | PLUS | MINUS | LT | LE | GT | GE | EQEQ | NEQ | AND | OR)
        (MINUS | NOT)* term postfix*
      )*
      (QUESTION expression COLON expression)?
    ;

postfix
    : DOT name=(IDENT | FOR | IN | IF | ELSE | ENDIF | ENDFOR)   # getAttr
    | DOT NUMBER                        # legacyIndex
    | DOT STAR                          # attrSplat
    | LBRACK STAR RBRACK                # fullSplat
    | LBRACK expression RBRACK          # index
    ;

term
    : NUMBER                                  # numberTerm
    | functionCall                            # callTerm
    | name=(IDENT | FOR | IN | IF | ELSE | ENDIF | ENDFOR)   # nameTerm
    | quotedTemplate                          # quotedTerm
    | heredocTemplate                         # heredocTerm
    | LPAREN expression RPAREN                # parenTerm
    | forTuple                                # forTupleTerm
    | forObject                               # forObjectTerm
    | tuple                                   # tupleTerm
    | object                                  # objectTerm
    ;

functionCall : identifier (DCOLON identifier)* LPAREN arguments? RPAREN ;

arguments : expression (COMMA expression)* (COMMA | ELLIPSIS)? ;

tuple : LBRACK (expression (COMMA expression)* COMMA?)? RBRACK ;

object : LBRACE NEWLINE* (objectItem (objectSeparator objectItem)* objectSeparator?)? RBRACE ;

objectSeparator
    : COMMA NEWLINE*
    | NEWLINE+
    ;

objectItem : key=expression (EQ | COLON) value=expression ;

forTuple : LBRACK forIntro expression (FAT_ARROW expression)? ELLIPSIS? forCondition? RBRACK ;

forObject : LBRACE forIntro expression (FAT_ARROW expression)? ELLIPSIS? forCondition? RBRACE ;

forIntro : FOR identifier (COMMA identifier)? IN expression COLON ;

forCondition : IF expression ;

quotedTemplate : Q_OPEN templateItem* Q_CLOSE ;

heredocTemplate : HEREDOC_OPEN templateItem* HEREDOC_CLOSE ;

templateItem
    : (Q_LIT | H_LIT)                                                           # tplLiteral
    | TEMPLATE_INTERP expression TEMPLATE_CLOSE                                 # tplInterp
    | TEMPLATE_CONTROL IF expression TEMPLATE_CLOSE                             # tplIf
    | TEMPLATE_CONTROL ELSE TEMPLATE_CLOSE                                      # tplElse
    | TEMPLATE_CONTROL ENDIF TEMPLATE_CLOSE                                     # tplEndIf
    | TEMPLATE_CONTROL FOR identifier (COMMA identifier)? IN expression TEMPLATE_CLOSE  # tplFor
    | TEMPLATE_CONTROL ENDFOR TEMPLATE_CLOSE                                    # tplEndFor
    ;
