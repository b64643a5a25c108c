package dev.kplan.lang.functions;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.GoQuote;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.YamlCodec;
import dev.kplan.lang.value.YamlCodecException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * Encoding functions: JSON, YAML, CSV, Base64 (with text encodings and gzip) and URL query
 * escaping, as OpenTofu's {@code encoding.go} and go-cty's stdlib define them. {@code yamldecodeall}
 * is a kplan extension: every non-empty document of a multi-document stream, as a tuple.
 */
public final class EncodingFunctions {
  private EncodingFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of(
        new FunctionSpec("jsonencode", List.of(Param.of("val", Type.DYNAMIC).allowingNull().allowingDynamicType()), null,
            ReturnType.fixed(Type.STRING), (args, rt) -> Value.string(JsonCodec.encode(args.get(0)))),
        new FunctionSpec("jsondecode", List.of(Param.of("str", Type.STRING)), null,
            ReturnType.fixed(Type.DYNAMIC), (args, rt) -> {
              try {
                return JsonCodec.decode(str(args.get(0)));
              } catch (JsonCodecException e) {
                throw new FunctionException(e.getMessage());
              }
            }),
        new FunctionSpec("yamlencode", List.of(Param.of("value", Type.DYNAMIC).allowingNull().allowingDynamicType()), null,
            ReturnType.fixed(Type.STRING), (args, rt) -> {
              try {
                return Value.string(YamlCodec.encode(args.get(0)));
              } catch (YamlCodecException e) {
                throw new FunctionException(e.getMessage());
              }
            }),
        new FunctionSpec("yamldecode", List.of(Param.of("src", Type.STRING)), null,
            ReturnType.fixed(Type.DYNAMIC), (args, rt) -> {
              try {
                return YamlCodec.decode(str(args.get(0)));
              } catch (YamlCodecException e) {
                throw new FunctionException(e.getMessage());
              }
            }),
        new FunctionSpec("yamldecodeall", List.of(Param.of("src", Type.STRING)), null,
            ReturnType.fixed(Type.DYNAMIC), (args, rt) -> {
              try {
                return Value.tuple(YamlCodec.decodeAll(str(args.get(0))));
              } catch (YamlCodecException e) {
                throw new FunctionException(e.getMessage());
              }
            }),
        stringFn("base64encode", "str",
            s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))),
        new FunctionSpec("base64decode", List.of(Param.of("str", Type.STRING).allowingMarked()), null,
            ReturnType.fixed(Type.STRING), (args, rt) -> base64decode(args.get(0))),
        stringFn("base64gzip", "str", EncodingFunctions::base64gzip),
        stringFn("base64gunzip", "str", EncodingFunctions::base64gunzip),
        stringFn("urlencode", "str", EncodingFunctions::queryEscape),
        stringFn("urldecode", "str", s -> {
          try {
            return queryUnescape(s);
          } catch (IllegalArgumentException e) {
            throw new FunctionException("failed to decode URL '': " + e.getMessage());
          }
        }),
        new FunctionSpec("textencodebase64",
            List.of(Param.of("string", Type.STRING), Param.of("encoding", Type.STRING)), null,
            ReturnType.fixed(Type.STRING),
            (args, rt) -> Value.string(textEncodeBase64(str(args.get(0)), str(args.get(1))))),
        new FunctionSpec("textdecodebase64",
            List.of(Param.of("source", Type.STRING), Param.of("encoding", Type.STRING)), null,
            ReturnType.fixed(Type.STRING),
            (args, rt) -> Value.string(textDecodeBase64(str(args.get(0)), str(args.get(1))))),
        new FunctionSpec("csvdecode", List.of(Param.of("str", Type.STRING)), null,
            ReturnType.fixed(Type.DYNAMIC), (args, rt) -> CsvDecoder.decode(str(args.get(0)))));
  }

  @FunctionalInterface
  private interface StringBody {
    String apply(String s) throws FunctionException;
  }

  private static FunctionSpec stringFn(String name, String param, StringBody body) {
    return new FunctionSpec(name, List.of(Param.of(param, Type.STRING)), null,
        ReturnType.fixed(Type.STRING), (args, rt) -> Value.string(body.apply(str(args.get(0)))));
  }

  private static String str(Value v) {
    return ((StringValue) v).value();
  }

  private static String redactIfSensitive(String s, Marks marks) {
    return marks.isSensitive() ? "(sensitive value)" : GoQuote.quote(s);
  }

  private static Value base64decode(Value arg) throws FunctionException {
    Marks marks = arg.marks();
    String s = str(arg);
    byte[] decoded;
    try {
      decoded = GoBase64.decode(s);
    } catch (GoBase64.CorruptInput e) {
      throw new FunctionException("failed to decode base64 data " + redactIfSensitive(s, marks));
    }
    String text = utf8OrNull(decoded);
    if (text == null) {
      throw new FunctionException("the result of decoding the provided string is not valid UTF-8");
    }
    return Value.string(text).withMarks(marks);
  }

  static String utf8OrNull(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * gzip framed as Go's compress/gzip writes it (no name, zero mtime, OS byte 255, a sync flush,
   * then an empty final stored block). The compressed blocks come from zlib rather than Go's
   * compress/flate: identical for short inputs without repeats, otherwise different bytes that
   * decompress identically.
   */
  private static String base64gzip(String s) {
    byte[] input = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(input);
      byte[] buf = new byte[8192];
      int n;
      do {
        n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length);
      // Go's Close after that flush ends with an empty final stored block
      out.writeBytes(new byte[] {0x01, 0x00, 0x00, (byte) 0xff, (byte) 0xff});
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(input);
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, input.length);
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  private static void writeIntLe(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >> 8);
    out.write(v >> 16);
    out.write(v >> 24);
  }

  private static String base64gunzip(String s) throws FunctionException {
    byte[] compressed;
    try {
      compressed = GoBase64.decode(s);
    } catch (GoBase64.CorruptInput e) {
      throw new FunctionException("failed to decode base64 data " + GoQuote.quote(s));
    }
    GZIPInputStream in;
    try {
      in = new GZIPInputStream(new ByteArrayInputStream(compressed));
    } catch (IOException e) {
      throw new FunctionException("failed to gunzip bytestream: gzip: invalid header");
    }
    try (in) {
      return goString(in.readAllBytes());
    } catch (IOException e) {
      throw new FunctionException("failed to read gunzip raw data: " + e.getMessage());
    }
  }

  /** Go's url.QueryEscape. */
  static String queryEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return sb.toString();
  }

  /** Go's url.QueryUnescape; the message is Go's EscapeError. */
  static String queryUnescape(String s) {
    byte[] src = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length);
    for (int i = 0; i < src.length; i++) {
      int c = src[i] & 0xff;
      if (c == '%') {
        if (i + 2 >= src.length || Character.digit(src[i + 1], 16) < 0 || Character.digit(src[i + 2], 16) < 0) {
          String bad = new String(src, i, Math.min(3, src.length - i), StandardCharsets.UTF_8);
          throw new IllegalArgumentException("invalid URL escape " + GoQuote.quote(bad));
        }
        out.write(Character.digit(src[i + 1], 16) << 4 | Character.digit(src[i + 2], 16));
        i += 2;
      } else if (c == '+') {
        out.write(' ');
      } else {
        out.write(c);
      }
    }
    return goString(out.toByteArray());
  }

  /**
   * Bytes as a Go string holds them: valid UTF-8 decodes normally, and each byte of an invalid
   * sequence becomes a lone surrogate, which JSON output then writes as {@code \ufffd} exactly
   * where Go writes it.
   */
  static String goString(byte[] bytes) {
    String strict = utf8OrNull(bytes);
    if (strict != null) {
      return strict;
    }
    StringBuilder sb = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      int len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      String decoded = len == 0 || i + len > bytes.length ? null
          : utf8OrNull(java.util.Arrays.copyOfRange(bytes, i, i + len));
      if (decoded == null) {
        sb.append((char) (0xDC00 | b));
        i++;
      } else {
        sb.append(decoded);
        i += len;
      }
    }
    return sb.toString();
  }

  /** Java aliases that are not IANA names or aliases, which golang.org/x/text's index refuses. */
  private static final java.util.Set<String> NOT_IANA = java.util.Set.of(
      "utf8", "utf16", "utf32", "unicode", "unicodebig", "unicodelittle", "unicode-1-1-utf-8",
      "unicodebigunmarked", "unicodelittleunmarked", "x-utf-16le-bom", "cp1250", "cp1251", "cp1252",
      "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "ascii", "default", "ascii7", "646",
      "iso646-us", "8859_1", "iso8859_1", "iso8859-1", "iso_8859_1", "ibm-819", "sjis", "shift-jis", "ms_kanji",
      "csshiftjis", "x-sjis", "euc_jp", "eucjp", "x-euc-jp", "euc_kr", "euckr", "gb2312-1980", "euc-cn", "euccn",
      "big5_hkscs", "koi8_r", "koi8", "cskoi8r");

  private static Charset ianaCharset(String name) throws FunctionException {
    try {
      Charset cs = Charset.forName(name);
      String canonical = cs.name();
      if (NOT_IANA.contains(name.toLowerCase(java.util.Locale.ROOT))
          || canonical.startsWith("x-") || canonical.startsWith("X-")) {
        throw new IllegalArgumentException(name);
      }
      return cs;
    } catch (IllegalArgumentException e) {
      throw new FunctionException(1,
          GoQuote.quote(name) + " is not a supported IANA encoding name or alias in this OpenTofu version");
    }
  }

  /** The encoding's IANA name as golang.org/x/text's index reports it (ISO_8859-1:1987, not ISO-8859-1). */
  private static String ianaName(Charset cs) {
    return switch (cs.name()) {
      case "ISO-8859-1" -> "ISO_8859-1:1987";
      case "ISO-8859-2" -> "ISO_8859-2:1987";
      case "ISO-8859-3" -> "ISO_8859-3:1988";
      case "ISO-8859-4" -> "ISO_8859-4:1988";
      case "ISO-8859-5" -> "ISO_8859-5:1988";
      case "ISO-8859-6" -> "ISO_8859-6:1987";
      case "ISO-8859-7" -> "ISO_8859-7:1987";
      case "ISO-8859-8" -> "ISO_8859-8:1988";
      case "ISO-8859-9" -> "ISO_8859-9:1989";
      default -> cs.name();
    };
  }

  private static String textEncodeBase64(String s, String encoding) throws FunctionException {
    Charset cs = ianaCharset(encoding);
    try {
      ByteBuffer bb = cs.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(s));
      byte[] bytes = new byte[bb.remaining()];
      bb.get(bytes);
      return Base64.getEncoder().encodeToString(bytes);
    } catch (CharacterCodingException | UnsupportedOperationException e) {
      throw new FunctionException(0,
          "the given string contains characters that cannot be represented in " + ianaName(cs));
    }
  }

  private static String textDecodeBase64(String s, String encoding) throws FunctionException {
    Charset cs = ianaCharset(encoding);
    byte[] bytes;
    try {
      bytes = GoBase64.decode(s);
    } catch (GoBase64.CorruptInput e) {
      throw new FunctionException(0, "the given value is has an invalid base64 symbol at offset " + e.offset);
    }
    try {
      String text = cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      if (text.indexOf('\uFFFD') >= 0) {
        throw new CharacterCodingException();
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new FunctionException(0, "the given string contains symbols that are not defined for " + ianaName(cs));
    }
  }

  /** go-cty's csvdecode over Go's encoding/csv reader (RFC 4180, header row required). */
  private static final class CsvDecoder {
    private final String text;
    private int pos;
    private int line = 1;

    private CsvDecoder(String text) {
      this.text = text;
    }

    static Value decode(String text) throws FunctionException {
      CsvDecoder r = new CsvDecoder(text);
      List<String> headers = r.read();
      if (headers == null) {
        throw new FunctionException("missing header line");
      }
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (String h : headers) {
        if (seen.put(h, seen.size()) != null) {
          throw new FunctionException("duplicate column name " + GoQuote.quote(h));
        }
      }
      Map<String, Type> attrTypes = new LinkedHashMap<>();
      headers.forEach(h -> attrTypes.put(h, Type.STRING));
      List<Value> rows = new ArrayList<>();
      while (true) {
        int recordLine = r.line;
        List<String> cols = r.read();
        if (cols == null) {
          break;
        }
        if (cols.size() != headers.size()) {
          throw new FunctionException("CSV parse error on line " + recordLine + ": wrong number of fields");
        }
        Map<String, Value> attrs = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) {
          attrs.put(headers.get(i), Value.string(cols.get(i)));
        }
        rows.add(Value.object(attrs));
      }
      return Value.list(new dev.kplan.lang.types.ObjectType(attrTypes), rows);
    }

    /** One record, or null at the end; empty lines are skipped as Go's reader does. */
    private List<String> read() throws FunctionException {
      while (pos < text.length() && (text.charAt(pos) == '\n'
          || (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n'))) {
        pos += text.charAt(pos) == '\r' ? 2 : 1;
        line++;
      }
      if (pos >= text.length()) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      while (true) {
        StringBuilder field = new StringBuilder();
        if (pos < text.length() && text.charAt(pos) == '"') {
          pos++;
          while (true) {
            if (pos >= text.length()) {
              // Go counts a line when it reads it, so a final newline inside the quotes adds none
              int at = field.length() > 0 && field.charAt(field.length() - 1) == '\n' ? line - 1 : line;
              throw new FunctionException("CSV parse error on line " + at + ": extraneous or missing \" in quoted-field");
            }
            char c = text.charAt(pos);
            if (c == '"') {
              if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                field.append('"');
                pos += 2;
                continue;
              }
              pos++;
              if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\n'
                  && !(text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n')) {
                throw new FunctionException("CSV parse error on line " + line + ": extraneous or missing \" in quoted-field");
              }
              break;
            }
            if (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
              field.append('\n');
              pos += 2;
              line++;
              continue;
            }
            if (c == '\n') {
              line++;
            }
            field.append(c);
            pos++;
          }
        } else {
          while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\n' || (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n')) {
              break;
            }
            if (c == '"') {
              throw new FunctionException("CSV parse error on line " + line + ": bare \" in non-quoted-field");
            }
            field.append(c);
            pos++;
          }
        }
        fields.add(field.toString());
        if (pos < text.length() && text.charAt(pos) == ',') {
          pos++;
          continue;
        }
        if (pos < text.length()) {
          pos += text.charAt(pos) == '\r' ? 2 : 1;
          line++;
        }
        return fields;
      }
    }
  }

}
