package dev.kplan.lang.format;

import dev.kplan.lang.format.FmtToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * hclwrite's whitespace rules over a token sequence: indent each line by its bracket nesting, space
 * tokens within a line, then align the {@code =} of consecutive attribute lines and their trailing
 * comments. Only {@link FmtToken#spacesBefore} changes.
 */
final class TokenLayout {
  private static final FmtToken NIL = new FmtToken(Kind.INVALID, "", -1);

  private TokenLayout() {}

  /** A line split into hclwrite's three cells; assign and comment may be empty. */
  private static final class Line {
    List<FmtToken> lead = new ArrayList<>();
    List<FmtToken> assign = List.of();
    List<FmtToken> comment = List.of();
  }

  static void format(List<FmtToken> tokens) {
    List<Line> lines = lines(tokens);
    indent(lines);
    spaces(lines);
    align(lines);
  }

  static String print(List<FmtToken> tokens) {
    StringBuilder sb = new StringBuilder();
    for (FmtToken t : tokens) {
      sb.append(" ".repeat(Math.max(0, t.spacesBefore))).append(t.text);
    }
    return sb.toString();
  }

  private static List<Line> lines(List<FmtToken> tokens) {
    List<Line> lines = new ArrayList<>();
    Line current = new Line();
    for (FmtToken t : tokens) {
      current.lead.add(t);
      if (t.endsLine()) {
        lines.add(current);
        current = new Line();
      }
    }
    if (!current.lead.isEmpty()) {
      lines.add(current);
    }
    for (Line line : lines) {
      if (line.lead.isEmpty()) {
        continue;
      }
      int n = line.lead.size();
      if (n > 1 && line.lead.get(n - 1).kind == Kind.COMMENT) {
        line.comment = new ArrayList<>(line.lead.subList(n - 1, n));
        line.lead = new ArrayList<>(line.lead.subList(0, n - 1));
      }
      for (int i = 1; i < line.lead.size(); i++) {
        if (line.lead.get(i).kind == Kind.EQUAL) {
          int net = 0;
          for (FmtToken t : line.lead.subList(i, line.lead.size())) {
            net += t.bracketChange();
          }
          // only a complete one-line expression joins the alignment of its neighbours
          if (net == 0) {
            line.assign = new ArrayList<>(line.lead.subList(i, line.lead.size()));
            line.lead = new ArrayList<>(line.lead.subList(0, i));
          }
          break;
        }
      }
    }
    return lines;
  }

  private static void indent(List<Line> lines) {
    List<Integer> indents = new ArrayList<>();
    for (Line line : lines) {
      if (line.lead.isEmpty()) {
        continue;
      }
      FmtToken first = line.lead.get(0);
      if (first.kind == Kind.NEWLINE) {
        first.spacesBefore = 0;
        continue;
      }
      int net = 0;
      for (FmtToken t : line.lead) {
        net += t.bracketChange();
        if (t.kind == Kind.OHEREDOC) {
          break;
        }
      }
      for (FmtToken t : line.assign) {
        net += t.bracketChange();
      }
      if (net > 0) {
        first.spacesBefore = 2 * indents.size();
        indents.add(net);
      } else if (net < 0) {
        int closed = -net;
        while (closed > 0 && !indents.isEmpty()) {
          int top = indents.get(indents.size() - 1);
          if (closed > top) {
            closed -= top;
            indents.remove(indents.size() - 1);
          } else if (closed < top) {
            indents.set(indents.size() - 1, top - closed);
            closed = 0;
          } else {
            indents.remove(indents.size() - 1);
            closed = 0;
          }
        }
        first.spacesBefore = 2 * indents.size();
      } else {
        first.spacesBefore = 2 * indents.size();
      }
    }
  }

  private static void spaces(List<Line> lines) {
    for (Line line : lines) {
      spaceCell(line.lead);
      if (!line.assign.isEmpty()) {
        line.assign.get(0).spacesBefore = 1;
        spaceCell(line.assign);
      }
    }
  }

  private static void spaceCell(List<FmtToken> cell) {
    for (int i = 0; i < cell.size(); i++) {
      FmtToken before = i > 0 ? cell.get(i - 1) : NIL;
      FmtToken after = i < cell.size() - 1 ? cell.get(i + 1) : NIL;
      if (after == NIL) {
        continue;
      }
      after.spacesBefore = spaceAfter(cell.get(i), before, after) ? 1 : 0;
    }
  }

  private static void align(List<Line> lines) {
    int chainStart = -1;
    int max = 0;
    for (int i = 0; i <= lines.size(); i++) {
      Line line = i < lines.size() ? lines.get(i) : null;
      if (line == null || line.assign.isEmpty()) {
        if (chainStart != -1) {
          for (Line l : lines.subList(chainStart, i)) {
            l.assign.get(0).spacesBefore = max - columns(l.lead) + 1;
          }
          chainStart = -1;
          max = 0;
        }
      } else {
        if (chainStart == -1) {
          chainStart = i;
        }
        max = Math.max(max, columns(line.lead));
      }
    }
    for (int i = 0; i <= lines.size(); i++) {
      Line line = i < lines.size() ? lines.get(i) : null;
      if (line == null || line.comment.isEmpty()) {
        if (chainStart != -1) {
          for (Line l : lines.subList(chainStart, i)) {
            l.comment.get(0).spacesBefore = max - columns(l.lead) - columns(l.assign) + 1;
          }
          chainStart = -1;
          max = 0;
        }
      } else {
        if (chainStart == -1) {
          chainStart = i;
        }
        max = Math.max(max, columns(line.lead) + columns(line.assign));
      }
    }
  }

  private static int columns(List<FmtToken> cell) {
    int n = 0;
    for (FmtToken t : cell) {
      n += t.columns();
    }
    return n;
  }

  /** hclwrite's spaceAfterToken: whether {@code subject} is followed by a space. */
  static boolean spaceAfter(FmtToken subject, FmtToken before, FmtToken after) {
    Kind s = subject.kind;
    Kind a = after.kind;
    if (a == Kind.NEWLINE || after == NIL) {
      return false;
    }
    if (s == Kind.IDENT && a == Kind.OPAREN) {
      return false;
    }
    if (s == Kind.DOT || a == Kind.DOT) {
      return false;
    }
    if (a == Kind.COMMA || a == Kind.ELLIPSIS) {
      return false;
    }
    if (s == Kind.COMMA) {
      return true;
    }
    if (s == Kind.QUOTED_LIT || s == Kind.STRING_LIT || s == Kind.OQUOTE || s == Kind.OHEREDOC
        || a == Kind.QUOTED_LIT || a == Kind.STRING_LIT || a == Kind.CQUOTE || a == Kind.CHEREDOC) {
      return false;
    }
    if (s == Kind.IDENT && subject.text.equals("in") && before.kind == Kind.IDENT) {
      return true;
    }
    if (a == Kind.OBRACK && (s == Kind.IDENT || s == Kind.NUMBER_LIT || subject.bracketChange() < 0)) {
      return false;
    }
    if (s == Kind.BANG) {
      return false;
    }
    if (s == Kind.MINUS) {
      return switch (before.kind) {
        case OPAREN, OBRACE, OBRACK, EQUAL, COLON, COMMA, QUESTION,
            PLUS, STAR, SLASH, PERCENT, MINUS,
            EQUAL_OP, NOT_EQUAL, GREATER, GREATER_EQ, LESS, LESS_EQ,
            AND, OR, BANG -> false;
        default -> before != NIL;
      };
    }
    if (s == Kind.OBRACE || a == Kind.CBRACE) {
      return !(s == Kind.OBRACE && a == Kind.CBRACE);
    }
    if ((s == Kind.TEMPLATE_INTERP || s == Kind.TEMPLATE_CONTROL) && a == Kind.OBRACE) {
      return true;
    }
    if (s == Kind.CBRACE && a == Kind.TEMPLATE_SEQ_END) {
      return true;
    }
    if (s == Kind.TEMPLATE_SEQ_END && (a == Kind.TEMPLATE_INTERP || a == Kind.TEMPLATE_CONTROL)) {
      return false;
    }
    if (subject.bracketChange() > 0) {
      return false;
    }
    if (after.bracketChange() < 0) {
      return false;
    }
    return true;
  }
}
