package dev.kplan.lang.value;

import dev.kplan.lang.types.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * YAML as Terraform's {@code yamlencode}/{@code yamldecode} (go-cty-yaml) write and read it.
 * Decoding resolves plain scalars as go-cty-yaml does (YAML 1.1 booleans such as {@code yes} and
 * {@code on}, YAML 1.2 integers, timestamps normalised to RFC 3339 strings), maps become objects,
 * sequences tuples, merge keys ({@code <<}) are applied, and tags other than the standard ones are
 * refused. {@link #decodeAll} reads every document of a stream (Kubernetes manifest files).
 */
public final class YamlCodec {
  private YamlCodec() {}

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";
  private static final String STR = TAG_PREFIX + "str";
  private static final String BOOL = TAG_PREFIX + "bool";
  private static final String INT = TAG_PREFIX + "int";
  private static final String FLOAT = TAG_PREFIX + "float";
  private static final String NULL = TAG_PREFIX + "null";
  private static final String TIMESTAMP = TAG_PREFIX + "timestamp";
  private static final String BINARY = TAG_PREFIX + "binary";
  private static final String MAP = TAG_PREFIX + "map";
  private static final String SEQ = TAG_PREFIX + "seq";
  private static final String MERGE = TAG_PREFIX + "merge";

  private static final Pattern INTEGER =
      Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
  private static final Pattern FLOAT_LITERAL =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern TIMESTAMP_LITERAL = Pattern.compile(
      "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
          + "(?:(?:([Tt])|( ))([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.([0-9]+))?"
          + "(Z|[+-][0-9]{2}:[0-9]{2})?)?");
  private static final Map<String, Value> RESOLVE = new HashMap<>();
  private static final Value MERGE_KEY = Value.string("<<");

  static {
    for (String s : List.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")) {
      RESOLVE.put(s, BoolValue.TRUE);
    }
    for (String s : List.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")) {
      RESOLVE.put(s, BoolValue.FALSE);
    }
    for (String s : List.of("", "~", "null", "Null", "NULL")) {
      RESOLVE.put(s, Value.nullOf(Type.DYNAMIC));
    }
  }

  /** The YAML document for {@code value}, exactly as {@code yamlencode} writes it. */
  public static String encode(Value value) {
    return YamlEmitter.emit(value);
  }

  /** The value of a single-document YAML stream ({@code yamldecode}); empty input is null. */
  public static Value decode(String yaml) {
    String text = yaml.isEmpty() ? "\n" : yaml;
    while (true) {
      try {
        return decodeOne(text);
      } catch (LineSeparatorEscape e) {
        text = e.patched;
      }
    }
  }

  private static Value decodeOne(String yaml) {
    Events events = new Events(yaml);
    events.next(); // stream start
    Event first = events.next();
    if (first.getEventId() != Event.ID.DocumentStart) {
      throw events.error(first, "missing start of document");
    }
    Value v = new Decoder(events).value(events.next());
    Event end = events.next();
    if (end.getEventId() == Event.ID.DocumentStart) {
      throw events.error(end, "only a single document is allowed");
    }
    if (end.getEventId() != Event.ID.DocumentEnd) {
      throw events.error(end, "unexpected extra content (" + end.getEventId() + ") after value");
    }
    Event streamEnd = events.next();
    if (streamEnd.getEventId() != Event.ID.StreamEnd) {
      throw events.error(streamEnd, "unexpected extra content after value");
    }
    return v;
  }

  /**
   * Every document of a YAML stream, in order, leaving out empty ones (a kplan extension for
   * multi-document Kubernetes manifests; anchors do not cross documents).
   */
  public static List<Value> decodeAll(String yaml) {
    String text = yaml;
    while (true) {
      try {
        return decodeEvery(text);
      } catch (LineSeparatorEscape e) {
        text = e.patched;
      }
    }
  }

  /**
   * Where SnakeYAML refuses what libyaml reads — the {@code \L} and {@code \P} escapes of
   * double-quoted scalars (which yamlencode writes for U+2028 and U+2029), a tab between tokens —
   * the text is read again with that spot spelled the way SnakeYAML accepts.
   */
  private static final class LineSeparatorEscape extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String patched;

    LineSeparatorEscape(String patched) {
      super(null, null, false, false);
      this.patched = patched;
    }
  }

  private static List<Value> decodeEvery(String yaml) {
    Events events = new Events(yaml);
    events.next();
    List<Value> docs = new ArrayList<>();
    while (true) {
      Event e = events.next();
      if (e.getEventId() == Event.ID.StreamEnd) {
        return docs;
      }
      Value v = new Decoder(events).value(events.next());
      events.next(); // document end
      if (!v.isNull()) {
        docs.add(v);
      }
    }
  }

  /** The parser's events, with syntax errors turned into go-cty-yaml's "on line L, column C: …". */
  private static final class Events {
    private final Iterator<Event> it;
    private final int length;
    private final String text;

    Events(String text) {
      this.length = text.length();
      this.text = text;
      LoadSettings settings = LoadSettings.builder().setLabel("yaml").build();
      this.it = new Parse(settings).parseString(text).iterator();
    }

    Event next() {
      try {
        Event e = it.next();
        if (e instanceof org.snakeyaml.engine.v2.events.DocumentStartEvent d && d.getSpecVersion()
            .filter(v -> v.getMajor() != 1 || v.getMinor() != 1).isPresent()) {
          // libyaml reads YAML 1.1 only
          throw error(e, "found incompatible YAML document");
        }
        return e;
      } catch (MarkedYamlEngineException e) {
        patchLineSeparatorEscape(e);
        Optional<org.snakeyaml.engine.v2.exceptions.Mark> mark = e.getProblemMark();
        String problem = libyamlWording(e.getProblem(), e.getContext());
        // libyaml ends an input that lacks a final newline with one before the stream-end token
        boolean atEnd = !(e instanceof ScannerException) && mark.isPresent()
            && mark.get().getIndex() >= length && mark.get().getColumn() != 0;
        if (!atEnd && (mark.isEmpty() || mark.get().getLine() == 0)) {
          mark = e.getContextMark();
          if (mark.isEmpty() || mark.get().getLine() == 0) {
            throw new YamlCodecException(problem);
          }
        }
        int line = mark.get().getLine();
        int col = mark.get().getColumn();
        if (atEnd) {
          line++;
          col = 0;
        }
        if (e instanceof ScannerException) {
          line++;
          col = 0;
        }
        throw new YamlCodecException(position(line, col) + problem);
      } catch (YamlEngineException e) {
        String message = e.getMessage() == null ? "invalid YAML syntax" : e.getMessage().lines().findFirst().orElse("");
        throw new YamlCodecException(libyamlWording(message, null));
      }
    }

    private void patchLineSeparatorEscape(MarkedYamlEngineException e) {
      patchSeparatingTab(e);
      String problem = e.getProblem();
      if (problem == null || e.getProblemMark().isEmpty()
          || !(problem.startsWith("found unknown escape character L") || problem.startsWith("found unknown escape character P"))) {
        return;
      }
      int at = e.getProblemMark().get().getIndex();
      for (int i = Math.min(at, text.length() - 1); i >= Math.max(0, at - 2); i--) {
        if (text.charAt(i) == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == 'L' || text.charAt(i + 1) == 'P')) {
          String escape = text.charAt(i + 1) == 'L' ? "\\u2028" : "\\u2029";
          throw new LineSeparatorEscape(text.substring(0, i) + escape + text.substring(i + 2));
        }
      }
    }

    /**
     * libyaml accepts a tab as the space between tokens on a line ({@code key:\tvalue}); SnakeYAML
     * refuses it, so such a tab is read again as a space. Tabs that indent stay errors.
     */
    private void patchSeparatingTab(MarkedYamlEngineException e) {
      if (e.getProblem() == null || !e.getProblem().startsWith("found character") || e.getProblemMark().isEmpty()) {
        return;
      }
      int at = e.getProblemMark().get().getIndex();
      if (at >= text.length() || text.charAt(at) != '\t') {
        return;
      }
      int i = at - 1;
      while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i--;
      }
      if (i >= 0 && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        throw new LineSeparatorEscape(text.substring(0, at) + ' ' + text.substring(at + 1));
      }
    }

    YamlCodecException error(Event at, String message) {
      int line = at.getStartMark().map(m -> m.getLine()).orElse(0);
      int col = at.getStartMark().map(m -> m.getColumn()).orElse(0);
      int index = at.getStartMark().map(m -> m.getIndex()).orElse(0);
      if (index >= length && col != 0) {
        // libyaml ends an input that lacks a final newline with one before the stream-end token
        line++;
        col = 0;
      }
      return new YamlCodecException(position(line, col) + message);
    }

    /**
     * go-cty-yaml's "on line L, column C: " prefix as OpenTofu prints it: nothing on the first line
     * (a zero line means "no position" to it), the column counted from one.
     */
    private static String position(int line, int col) {
      return line == 0 ? "" : "on line " + line + ", column " + (col + 1) + ": ";
    }

    /** libyaml's words for the syntax errors users meet most, where SnakeYAML words them differently. */
    private static String libyamlWording(String problem, String context) {
      if (problem == null) {
        return "invalid YAML syntax";
      }
      if (problem.startsWith("mapping values are not allowed")) {
        return "mapping values are not allowed in this context";
      }
      if (problem.startsWith("expected ',' or ']'")) {
        return "did not find expected ',' or ']'";
      }
      if (problem.startsWith("expected ',' or '}'")) {
        return "did not find expected ',' or '}'";
      }
      if (problem.startsWith("expected <block end>")) {
        return context != null && context.contains("block mapping")
            ? "did not find expected key" : "did not find expected '-' indicator";
      }
      if (problem.startsWith("unexpected character found") && context != null
          && (context.contains("anchor") || context.contains("alias"))) {
        return "did not find expected alphabetic or numeric character";
      }
      if (problem.startsWith("expected chomping or indentation indicators")) {
        return "did not find expected comment or line break";
      }
      if (problem.startsWith("expected the node content")) {
        return "did not find expected node content";
      }
      if (problem.startsWith("special characters are not allowed")) {
        return "control characters are not allowed";
      }
      if (problem.startsWith("found character") && problem.contains("that cannot start any token")) {
        return "found character that cannot start any token";
      }
      return problem;
    }
  }

  private static final class Decoder {
    private final Events events;
    private final Map<String, Integer> pending = new HashMap<>();
    private final Map<String, Value> anchors = new HashMap<>();

    Decoder(Events events) {
      this.events = events;
    }

    Value value(Event e) {
      if (e instanceof ScalarEvent s) {
        return scalar(s);
      } else if (e instanceof AliasEvent a) {
        String name = a.getAlias().getValue();
        if (pending.containsKey(name)) {
          throw events.error(e, "cannot refer to anchor " + quote(name) + " from inside its own definition");
        }
        Value v = anchors.get(name);
        if (v == null) {
          throw events.error(e, "reference to undefined anchor " + quote(name));
        }
        return v;
      } else if (e instanceof MappingStartEvent m) {
        return mapping(m);
      } else if (e instanceof SequenceStartEvent s) {
        return sequence(s);
      } else if (e.getEventId() == Event.ID.DocumentStart) {
        throw events.error(e, "only a single document is allowed");
      } else if (e.getEventId() == Event.ID.StreamEnd) {
        throw events.error(e, "expecting value but found end of stream");
      }
      throw events.error(e, "unexpected parser event " + e.getEventId());
    }

    private void beginAnchor(NodeEvent e) {
      e.getAnchor().ifPresent(a -> pending.merge(a.getValue(), 1, Integer::sum));
    }

    private void completeAnchor(NodeEvent e, Value v) {
      e.getAnchor().ifPresent(a -> {
        String name = a.getValue();
        if (pending.merge(name, -1, Integer::sum) <= 0) {
          pending.remove(name);
        }
        anchors.put(name, v);
      });
    }

    private Value scalar(ScalarEvent s) {
      beginAnchor(s);
      Value v = resolveScalar(s);
      if (v == MERGE_KEY) {
        v = Value.string("<<");
      }
      completeAnchor(s, v);
      return v;
    }

    private Value resolveScalar(ScalarEvent s) {
      String tag = tagOf(s.getTag());
      try {
        Value v = resolve(tag, s.getValue(), s.getScalarStyle());
        if (tag.isEmpty() && (s.isLiteral() || s.isFolded()) && v != MERGE_KEY) {
          // go-cty-yaml types an untagged block scalar as a string, whatever it resolves to
          return toStringValue(v);
        }
        return v;
      } catch (YamlCodecException ex) {
        throw events.error(s, ex.getMessage());
      }
    }

    private Value mapping(MappingStartEvent m) {
      String tag = tagOf(m.getTag());
      if (!tag.isEmpty() && !tag.equals(MAP)) {
        throw events.error(m, "can't interpret mapping as " + tag);
      }
      beginAnchor(m);
      Map<String, Value> attrs = new LinkedHashMap<>();
      while (true) {
        Event next = events.next();
        if (next.getEventId() == Event.ID.MappingEnd) {
          Value v = Value.object(attrs);
          completeAnchor(m, v);
          return v;
        }
        if (!(next instanceof ScalarEvent keyEvent)) {
          throw events.error(next, "only strings are allowed as mapping keys");
        }
        String keyTag = tagOf(keyEvent.getTag());
        Value key;
        if (keyTag.equals(MERGE)) {
          key = MERGE_KEY;
        } else {
          try {
            key = resolve(keyTag, keyEvent.getValue(), keyEvent.getScalarStyle());
          } catch (YamlCodecException ex) {
            throw events.error(keyEvent, ex.getMessage());
          }
        }
        if (key == MERGE_KEY) {
          Value merged = value(events.next());
          mergeInto(attrs, merged, keyEvent);
          continue;
        }
        if (!key.isKnown() || !(key.isNull() || key.type().isPrimitive())) {
          throw events.error(keyEvent, "only strings are allowed as mapping keys");
        }
        if (key.isNull()) {
          throw events.error(keyEvent, "mapping key cannot be null");
        }
        String name = ((StringValue) toStringValue(key)).value();
        Value v = value(events.next());
        attrs.remove(name);
        attrs.put(name, v);
      }
    }

    private void mergeInto(Map<String, Value> attrs, Value merged, Event at) {
      if (merged instanceof ObjectValue o) {
        o.attributes().forEach((k, v) -> {
          attrs.remove(k);
          attrs.put(k, v);
        });
      } else {
        throw events.error(at, "cannot merge " + merged.type().friendlyName() + " into mapping");
      }
    }

    private Value sequence(SequenceStartEvent s) {
      String tag = tagOf(s.getTag());
      if (!tag.isEmpty() && !tag.equals(SEQ)) {
        throw events.error(s, "can't interpret sequence as " + tag);
      }
      beginAnchor(s);
      List<Value> items = new ArrayList<>();
      while (true) {
        Event next = events.next();
        if (next.getEventId() == Event.ID.SequenceEnd) {
          Value v = Value.tuple(items);
          completeAnchor(s, v);
          return v;
        }
        items.add(value(next));
      }
    }
  }

  /** The tag as libyaml reports it: empty when absent. */
  private static String tagOf(Optional<String> tag) {
    return tag.orElse("");
  }

  private static Value toStringValue(Value v) {
    if (v instanceof StringValue || v.isNull()) {
      return v.isNull() ? Value.nullOf(Type.STRING) : v;
    }
    if (v instanceof NumberValue n) {
      return Value.string(JsonCodec.numberText(n.value()));
    }
    if (v instanceof BoolValue b) {
      return Value.string(b.value() ? "true" : "false");
    }
    throw new YamlCodecException("string required");
  }

  private static boolean resolvable(String tag) {
    return tag.isEmpty() || tag.equals(STR) || tag.equals(BOOL) || tag.equals(INT) || tag.equals(FLOAT)
        || tag.equals(NULL) || tag.equals(TIMESTAMP) || tag.equals(BINARY);
  }

  /** go-cty-yaml's resolveScalar. */
  static Value resolve(String tag, String src, ScalarStyle style) {
    if (!resolvable(tag)) {
      throw new YamlCodecException("unsupported tag " + quote(tag));
    }
    char hint = src.isEmpty() ? 'N' : hint(src.charAt(0));
    if (hint != 0 && !tag.equals(STR) && !tag.equals(BINARY)) {
      if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) {
        return Value.string(src);
      }
      Value known = RESOLVE.get(src);
      if (known != null) {
        return known;
      }
      if (src.equals(".inf") || src.equals(".Inf") || src.equals(".INF") || src.equals("+.inf")
          || src.equals("+.Inf") || src.equals("+.INF") || src.equals("-.inf") || src.equals("-.Inf")
          || src.equals("-.INF")) {
        throw new YamlCodecException("floating point infinity is not supported");
      }
      if (tag.isEmpty() && (src.equals(".nan") || src.equals(".NaN") || src.equals(".NAN"))) {
        throw new YamlCodecException("floating point NaN is not supported");
      }
      if (hint == '.') {
        BigDecimal n = parseNumber(src);
        if (n != null) {
          return Value.number(n);
        }
      } else if (hint == 'D' || hint == 'S') {
        if (tag.isEmpty() || tag.equals(TIMESTAMP)) {
          String ts = parseTimestamp(src);
          if (ts != null) {
            return Value.string(ts);
          }
        }
        if (INTEGER.matcher(src).matches()) {
          tag = INT;
        } else if (FLOAT_LITERAL.matcher(src).matches()) {
          tag = FLOAT;
        }
      }
    }
    if (tag.isEmpty() && src.equals("<<")) {
      return MERGE_KEY;
    }
    switch (tag) {
      case STR, BINARY -> {
        if (tag.equals(BINARY)) {
          try {
            // Go's decoder skips line breaks but, unlike Java's, insists on padding
            String b64 = src.replace("\r", "").replace("\n", "");
            if (b64.length() % 4 != 0) {
              throw new IllegalArgumentException("missing padding");
            }
            Base64.getDecoder().decode(b64);
          } catch (IllegalArgumentException e) {
            throw new YamlCodecException("cannot parse " + quote(src) + " as " + tag + ": not valid base64");
          }
        }
        return Value.string(src);
      }
      case BOOL -> {
        Value v = RESOLVE.get(src);
        if (!(v instanceof BoolValue)) {
          throw new YamlCodecException("cannot parse " + quote(src) + " as " + tag);
        }
        return v;
      }
      case FLOAT, INT -> {
        String plain = src.replace("_", "");
        BigDecimal n = parseNumber(plain);
        if (n == null) {
          n = parseGoInt(plain);
        }
        if (n == null) {
          throw new YamlCodecException("cannot parse " + quote(src) + " as " + tag);
        }
        return Value.number(n);
      }
      case TIMESTAMP -> {
        String ts = parseTimestamp(src);
        if (ts == null) {
          throw new YamlCodecException("cannot parse " + quote(src) + " as " + tag);
        }
        return Value.string(ts);
      }
      case NULL -> {
        return Value.nullOf(Type.DYNAMIC);
      }
      case "" -> {
        return Value.string(src);
      }
      default -> throw new YamlCodecException("unsupported tag " + quote(tag));
    }
  }

  private static char hint(char c) {
    if (c == '+' || c == '-') {
      return 'S';
    }
    if (c >= '0' && c <= '9') {
      return 'D';
    }
    if ("yYnNtTfFoO~".indexOf(c) >= 0) {
      return 'M';
    }
    return c == '.' ? '.' : 0;
  }

  /** A decimal number as cty.ParseNumberVal reads it, or null. */
  private static BigDecimal parseNumber(String s) {
    if (s.isEmpty() || !s.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
      return null;
    }
    try {
      return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** strconv.ParseInt/ParseUint with base 0 (0x, 0o, 0b and leading-0 octal prefixes), or null. */
  private static BigDecimal parseGoInt(String s) {
    String body = s;
    boolean negative = false;
    if (body.startsWith("+") || body.startsWith("-")) {
      negative = body.startsWith("-");
      body = body.substring(1);
    }
    int radix = 10;
    if (body.startsWith("0x") || body.startsWith("0X")) {
      radix = 16;
      body = body.substring(2);
    } else if (body.startsWith("0o") || body.startsWith("0O")) {
      radix = 8;
      body = body.substring(2);
    } else if (body.startsWith("0b") || body.startsWith("0B")) {
      radix = 2;
      body = body.substring(2);
    } else if (body.length() > 1 && body.startsWith("0")) {
      radix = 8;
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return null;
    }
    try {
      BigInteger n = new BigInteger(body, radix);
      if (negative) {
        n = n.negate();
      }
      if (n.bitLength() > 64 || (negative && n.bitLength() > 63)) {
        return null;
      }
      return new BigDecimal(n);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A YAML timestamp in the forms go-cty-yaml accepts, as an RFC 3339 string, or null. */
  static String parseTimestamp(String s) {
    Matcher m = TIMESTAMP_LITERAL.matcher(s);
    if (!m.matches()) {
      return null;
    }
    boolean hasTime = m.group(6) != null;
    boolean spaceSeparated = m.group(5) != null;
    String zone = m.group(10);
    // the T forms need a zone; the space form must not have one
    if (hasTime && ((!spaceSeparated && zone == null) || (spaceSeparated && zone != null))) {
      return null;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int day = Integer.parseInt(m.group(3));
      if (!hasTime) {
        return LocalDate.of(year, month, day).atStartOfDay().atOffset(ZoneOffset.UTC).format(RFC3339);
      }
      LocalDateTime t = LocalDateTime.of(year, month, day, Integer.parseInt(m.group(6)),
          Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)));
      ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
      return t.atOffset(offset).format(RFC3339);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** Go's time.RFC3339 layout: seconds precision, {@code Z} for a zero offset. */
  public static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private static String quote(String s) {
    return GoQuote.quote(s);
  }

}
