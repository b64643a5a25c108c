package dev.kplan.lang.value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a value as YAML byte for byte as Terraform's {@code yamlencode} does: go-cty-yaml feeds
 * events to libyaml's emitter (block style, strings double-quoted or, when they contain a newline,
 * literal blocks), and this class follows that emitter's decisions — style fallbacks, indentation,
 * line folding at 80 columns, the {@code ...} end marker after a plain root scalar.
 */
final class YamlEmitter {
  private static final int BEST_INDENT = 2;
  private static final int BEST_WIDTH = 80;

  private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  private final StringBuilder out = new StringBuilder();
  private final Deque<Integer> indents = new ArrayDeque<>();
  private int indent = -1;
  private int column;
  private int flowLevel;
  private boolean whitespace = true;
  private boolean indention = true;
  private boolean openEnded;
  private boolean mappingContext;
  private boolean simpleKeyContext;
  private boolean rootContext;

  static String emit(Value v) {
    YamlEmitter e = new YamlEmitter();
    e.emitNode(v, true, false, false);
    e.writeIndent();
    if (e.openEnded) {
      e.writeIndicator("...", true, false, false);
      e.writeIndent();
    }
    return e.out.toString();
  }

  private void emitNode(Value v, boolean root, boolean mapping, boolean simpleKey) {
    rootContext = root;
    mappingContext = mapping;
    simpleKeyContext = simpleKey;
    if (v instanceof UnknownValue) {
      throw new YamlCodecException("cannot serialize unknown value as YAML");
    }
    if (v instanceof NullValue) {
      emitScalar("null", Style.PLAIN);
    } else if (v instanceof StringValue s) {
      emitScalar(s.value(), s.value().contains("\n") ? Style.LITERAL : Style.DOUBLE_QUOTED);
    } else if (v instanceof NumberValue n) {
      emitScalar(JsonCodec.numberText(n.value()), Style.PLAIN);
    } else if (v instanceof BoolValue b) {
      emitScalar(b.value() ? "true" : "false", Style.PLAIN);
    } else if (v instanceof ListValue l) {
      emitSequence(l.elements());
    } else if (v instanceof SetValue s) {
      emitSequence(s.elements());
    } else if (v instanceof TupleValue t) {
      emitSequence(t.elements());
    } else if (v instanceof MapValue m) {
      emitMapping(m.entries());
    } else if (v instanceof ObjectValue o) {
      emitMapping(o.attributes());
    }
  }

  private void emitSequence(List<Value> items) {
    if (items.isEmpty()) {
      emitEmptyFlow("[", "]");
      return;
    }
    increaseIndent(false, mappingContext && !indention);
    for (Value item : items) {
      writeIndent();
      writeIndicator("-", true, false, true);
      emitNode(item, false, false, false);
    }
    indent = indents.pop();
  }

  private void emitMapping(Map<String, Value> entries) {
    if (entries.isEmpty()) {
      emitEmptyFlow("{", "}");
      return;
    }
    Map<String, Value> sorted = new TreeMap<>(ValueOrder::compareCodePoints);
    sorted.putAll(entries);
    increaseIndent(false, false);
    for (Map.Entry<String, Value> e : sorted.entrySet()) {
      writeIndent();
      Analysis key = Analysis.of(e.getKey());
      boolean simple = !key.multiline && e.getKey().getBytes(StandardCharsets.UTF_8).length <= 128;
      if (simple) {
        emitNode(Value.string(e.getKey()), false, true, true);
        writeIndicator(":", false, false, false);
      } else {
        writeIndicator("?", true, false, true);
        emitNode(Value.string(e.getKey()), false, true, false);
        writeIndent();
        writeIndicator(":", true, false, true);
      }
      emitNode(e.getValue(), false, true, false);
    }
    indent = indents.pop();
  }

  private void emitEmptyFlow(String open, String close) {
    writeIndicator(open, true, true, false);
    increaseIndent(true, false);
    flowLevel++;
    flowLevel--;
    indent = indents.pop();
    writeIndicator(close, false, false, false);
  }

  private void emitScalar(String value, Style requested) {
    Analysis a = Analysis.of(value);
    Style style = requested;
    if (simpleKeyContext && a.multiline) {
      style = Style.DOUBLE_QUOTED;
    }
    if (style == Style.PLAIN) {
      if ((flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed)) {
        style = Style.SINGLE_QUOTED;
      }
      if (value.isEmpty() && (flowLevel > 0 || simpleKeyContext)) {
        style = Style.SINGLE_QUOTED;
      }
    }
    if (style == Style.SINGLE_QUOTED && !a.singleQuotedAllowed) {
      style = Style.DOUBLE_QUOTED;
    }
    if (style == Style.LITERAL && (!a.blockAllowed || flowLevel > 0 || simpleKeyContext)) {
      style = Style.DOUBLE_QUOTED;
    }
    increaseIndent(true, false);
    switch (style) {
      case PLAIN -> writePlain(value);
      case SINGLE_QUOTED -> writeSingleQuoted(value, !simpleKeyContext);
      case DOUBLE_QUOTED -> writeDoubleQuoted(value, !simpleKeyContext);
      case LITERAL -> writeLiteral(value);
    }
    indent = indents.pop();
  }

  private void increaseIndent(boolean flow, boolean indentless) {
    indents.push(indent);
    if (indent < 0) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  private void put(char c) {
    out.append(c);
    column++;
  }

  private void putBreak() {
    out.append('\n');
    column = 0;
  }

  private void write(int cp) {
    out.appendCodePoint(cp);
    column++;
  }

  private void writeBreak(int cp) {
    if (cp == '\n') {
      putBreak();
    } else {
      out.appendCodePoint(cp);
      column = 0;
    }
  }

  private void writeIndent() {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) {
      putBreak();
    }
    while (column < target) {
      put(' ');
    }
    whitespace = true;
    indention = true;
  }

  private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    indicator.codePoints().forEach(this::write);
    whitespace = isWhitespace;
    indention = indention && isIndention;
    openEnded = false;
  }

  private void writePlain(String value) {
    if (!whitespace) {
      put(' ');
    }
    int[] cps = value.codePoints().toArray();
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (!simpleKeyContext && !spaces && column > BEST_WIDTH && !(i + 1 < cps.length && cps[i + 1] == ' ')) {
          writeIndent();
        } else {
          write(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        write(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    whitespace = false;
    indention = false;
    if (rootContext) {
      openEnded = true;
    }
  }

  private void writeSingleQuoted(String value, boolean allowBreaks) {
    writeIndicator("'", true, false, false);
    int[] cps = value.codePoints().toArray();
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] != ' ') {
          writeIndent();
        } else {
          write(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        if (c == '\'') {
          put('\'');
        }
        write(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    writeIndicator("'", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeDoubleQuoted(String value, boolean allowBreaks) {
    writeIndicator("\"", true, false, false);
    int[] cps = value.codePoints().toArray();
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
        put('\\');
        switch (c) {
          case 0x00 -> put('0');
          case 0x07 -> put('a');
          case 0x08 -> put('b');
          case 0x09 -> put('t');
          case 0x0A -> put('n');
          case 0x0B -> put('v');
          case 0x0C -> put('f');
          case 0x0D -> put('r');
          case 0x1B -> put('e');
          case 0x22 -> put('"');
          case 0x5C -> put('\\');
          case 0x85 -> put('N');
          case 0xA0 -> put('_');
          case 0x2028 -> put('L');
          case 0x2029 -> put('P');
          default -> {
            int width;
            if (c <= 0xFF) {
              put('x');
              width = 2;
            } else if (c <= 0xFFFF) {
              put('u');
              width = 4;
            } else {
              put('U');
              width = 8;
            }
            for (int k = (width - 1) * 4; k >= 0; k -= 4) {
              put("0123456789ABCDEF".charAt((c >> k) & 0xF));
            }
          }
        }
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
          writeIndent();
          if (cps[i + 1] == ' ') {
            put('\\');
          }
        } else {
          write(c);
        }
        spaces = true;
      } else {
        write(c);
        spaces = false;
      }
    }
    writeIndicator("\"", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeLiteral(String value) {
    writeIndicator("|", true, false, false);
    int[] cps = value.codePoints().toArray();
    if (cps.length > 0 && (cps[0] == ' ' || isBreak(cps[0]))) {
      writeIndicator(String.valueOf(BEST_INDENT), false, false, false);
    }
    openEnded = false;
    String chomp = null;
    if (cps.length == 0 || !isBreak(cps[cps.length - 1])) {
      chomp = "-";
    } else if (cps.length == 1 || isBreak(cps[cps.length - 2])) {
      chomp = "+";
    }
    if (chomp != null) {
      writeIndicator(chomp, false, false, false);
    }
    putBreak();
    indention = true;
    whitespace = true;
    boolean breaks = true;
    for (int c : cps) {
      if (isBreak(c)) {
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        write(c);
        indention = false;
        breaks = false;
      }
    }
  }

  static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  static boolean isPrintable(int c) {
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  /** libyaml's scalar analysis: which styles can carry this text. */
  private record Analysis(boolean multiline, boolean flowPlainAllowed, boolean blockPlainAllowed,
      boolean singleQuotedAllowed, boolean blockAllowed) {

    static Analysis of(String value) {
      if (value.isEmpty()) {
        return new Analysis(false, false, true, true, false);
      }
      int[] cps = value.codePoints().toArray();
      boolean blockIndicators = false;
      boolean flowIndicators = false;
      boolean lineBreaks = false;
      boolean specialCharacters = false;
      boolean leadingSpace = false;
      boolean leadingBreak = false;
      boolean trailingSpace = false;
      boolean trailingBreak = false;
      boolean breakSpace = false;
      boolean spaceBreak = false;
      boolean previousSpace = false;
      boolean previousBreak = false;
      if (value.startsWith("---") || value.startsWith("...")) {
        blockIndicators = true;
        flowIndicators = true;
      }
      boolean precededByWhitespace = true;
      for (int i = 0; i < cps.length; i++) {
        int c = cps[i];
        boolean followedByWhitespace = i + 1 >= cps.length || cps[i + 1] == ' ' || cps[i + 1] == '\t';
        if (i == 0) {
          switch (c) {
            case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
              flowIndicators = true;
              blockIndicators = true;
            }
            case '?', ':' -> {
              flowIndicators = true;
              if (followedByWhitespace) {
                blockIndicators = true;
              }
            }
            case '-' -> {
              if (followedByWhitespace) {
                flowIndicators = true;
                blockIndicators = true;
              }
            }
            default -> { }
          }
        } else {
          switch (c) {
            case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
            case ':' -> {
              flowIndicators = true;
              if (followedByWhitespace) {
                blockIndicators = true;
              }
            }
            case '#' -> {
              if (precededByWhitespace) {
                flowIndicators = true;
                blockIndicators = true;
              }
            }
            default -> { }
          }
        }
        if (!isPrintable(c)) {
          specialCharacters = true;
        }
        if (c == ' ') {
          if (i == 0) {
            leadingSpace = true;
          }
          if (i == cps.length - 1) {
            trailingSpace = true;
          }
          if (previousBreak) {
            breakSpace = true;
          }
          previousSpace = true;
          previousBreak = false;
        } else if (isBreak(c)) {
          lineBreaks = true;
          if (i == 0) {
            leadingBreak = true;
          }
          if (i == cps.length - 1) {
            trailingBreak = true;
          }
          if (previousSpace) {
            spaceBreak = true;
          }
          previousSpace = false;
          previousBreak = true;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        precededByWhitespace = c == ' ' || c == '\t' || isBreak(c) || c == 0;
      }
      boolean flowPlain = true;
      boolean blockPlain = true;
      boolean singleQuoted = true;
      boolean block = true;
      if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
        flowPlain = false;
        blockPlain = false;
      }
      if (trailingSpace) {
        block = false;
      }
      if (breakSpace) {
        flowPlain = false;
        blockPlain = false;
        singleQuoted = false;
      }
      if (spaceBreak || specialCharacters) {
        flowPlain = false;
        blockPlain = false;
        singleQuoted = false;
        block = false;
      }
      if (lineBreaks) {
        flowPlain = false;
        blockPlain = false;
      }
      if (flowIndicators) {
        flowPlain = false;
      }
      if (blockIndicators) {
        blockPlain = false;
      }
      return new Analysis(lineBreaks, flowPlain, blockPlain, singleQuoted, block);
    }
  }
}
