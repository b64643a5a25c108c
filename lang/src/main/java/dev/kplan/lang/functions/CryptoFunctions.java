package dev.kplan.lang.functions;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.GoQuote;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Hashing, bcrypt, RSA decryption and UUID functions (OpenTofu's {@code crypto.go}). The file-hashing variants
 * ({@code filesha256} …) live in {@link FilesystemFunctions} because they need the base folder.
 */
public final class CryptoFunctions {
  private CryptoFunctions() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  public static List<FunctionSpec> functions() {
    return List.of(
        stringHash("md5", "MD5", CryptoFunctions::hex),
        stringHash("sha1", "SHA-1", CryptoFunctions::hex),
        stringHash("sha256", "SHA-256", CryptoFunctions::hex),
        stringHash("sha512", "SHA-512", CryptoFunctions::hex),
        stringHash("base64sha256", "SHA-256", CryptoFunctions::base64),
        stringHash("base64sha512", "SHA-512", CryptoFunctions::base64),
        new FunctionSpec("uuid", List.of(), null, ReturnType.fixed(Type.STRING),
            (args, rt) -> Value.string(randomUuid())),
        new FunctionSpec("bcrypt", List.of(Param.of("str", Type.STRING)), Param.of("cost", Type.NUMBER),
            ReturnType.fixed(Type.STRING), (args, rt) -> Value.string(bcrypt(args))),
        new FunctionSpec("rsadecrypt",
            List.of(Param.of("ciphertext", Type.STRING), Param.of("privatekey", Type.STRING)), null,
            ReturnType.fixed(Type.STRING),
            (args, rt) -> Value.string(RsaDecrypt.decrypt(str(args.get(0)), str(args.get(1))))),
        new FunctionSpec("uuidv5",
            List.of(Param.of("namespace", Type.STRING), Param.of("name", Type.STRING)), null,
            ReturnType.fixed(Type.STRING),
            (args, rt) -> Value.string(uuidV5(str(args.get(0)), str(args.get(1))))));
  }

  private static FunctionSpec stringHash(String name, String algorithm, Function<byte[], String> enc) {
    return new FunctionSpec(name, List.of(Param.of("str", Type.STRING)), null,
        ReturnType.fixed(Type.STRING),
        (args, rt) -> Value.string(enc.apply(digest(algorithm, str(args.get(0)).getBytes(StandardCharsets.UTF_8)))));
  }

  /** OpenTofu's bcrypt(): cost 10 unless given; one cost at most; Go's bcrypt errors. */
  private static String bcrypt(List<Value> args) throws FunctionException {
    long cost = Bcrypt.DEFAULT_COST;
    if (args.size() > 1) {
      java.math.BigDecimal c = ((dev.kplan.lang.value.NumberValue) args.get(1)).value();
      try {
        cost = c.longValueExact();
      } catch (ArithmeticException e) {
        throw new FunctionException("value must be a whole number, between -9223372036854775808 and 9223372036854775807");
      }
    }
    if (args.size() > 2) {
      throw new FunctionException("bcrypt() takes no more than two arguments");
    }
    byte[] password = str(args.get(0)).getBytes(StandardCharsets.UTF_8);
    try {
      if (cost > Bcrypt.MAX_COST) {
        throw new IllegalArgumentException("crypto/bcrypt: cost " + cost + " is outside allowed range ("
            + Bcrypt.MIN_COST + "," + Bcrypt.MAX_COST + ")");
      }
      return Bcrypt.generate(password, (int) Math.max(cost, 0));
    } catch (IllegalArgumentException e) {
      throw new FunctionException("error occurred generating password " + e.getMessage());
    }
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JVM lacks " + algorithm, e);
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static String str(Value v) {
    return ((StringValue) v).value();
  }

  /**
   * 16 random bytes formatted as a UUID. Like Terraform's {@code uuid()} (hashicorp/go-uuid) the
   * version and variant bits are not set.
   */
  static String randomUuid() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return formatUuid(b);
  }

  private static String formatUuid(byte[] b) {
    String h = hex(b);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
        + h.substring(16, 20) + "-" + h.substring(20);
  }

  static String uuidV5(String namespace, String name) throws FunctionException {
    byte[] ns = switch (namespace) {
      case "dns" -> parseUuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
      case "url" -> parseUuid("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
      case "oid" -> parseUuid("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
      case "x500" -> parseUuid("6ba7b814-9dad-11d1-80b4-00c04fd430c8");
      default -> {
        try {
          yield parseUuid(namespace);
        } catch (IllegalArgumentException e) {
          throw new FunctionException(
              "uuidv5() doesn't support namespace " + namespace + " (" + e.getMessage() + ")");
        }
      }
    };
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[ns.length + nameBytes.length];
    System.arraycopy(ns, 0, input, 0, ns.length);
    System.arraycopy(nameBytes, 0, input, ns.length, nameBytes.length);
    byte[] h = digest("SHA-1", input);
    byte[] u = new byte[16];
    System.arraycopy(h, 0, u, 0, 16);
    u[6] = (byte) ((u[6] & 0x0f) | 0x50);
    u[8] = (byte) ((u[8] & 0x3f) | 0x80);
    return formatUuid(u);
  }

  /** google/uuid's Parse: plain, braced, {@code urn:uuid:} prefixed or 32 bare hex digits. */
  static byte[] parseUuid(String s) {
    String body;
    switch (s.length()) {
      case 36 -> body = s;
      case 45 -> {
        if (!s.substring(0, 9).toLowerCase(Locale.ROOT).equals("urn:uuid:")) {
          throw new IllegalArgumentException("invalid urn prefix: " + GoQuote.quote(s.substring(0, 9)));
        }
        body = s.substring(9);
      }
      // google/uuid takes any first and last character here, not only braces
      case 38 -> body = s.substring(1, 37);
      case 32 -> {
        return hexBytes(s);
      }
      default -> throw new IllegalArgumentException("invalid UUID length: " + s.length());
    }
    if (body.charAt(8) != '-' || body.charAt(13) != '-' || body.charAt(18) != '-' || body.charAt(23) != '-') {
      throw new IllegalArgumentException("invalid UUID format");
    }
    return hexBytes(body.replace("-", "").length() == 32 ? body.replace("-", "") : "x");
  }

  private static byte[] hexBytes(String h) {
    if (h.length() != 32) {
      throw new IllegalArgumentException("invalid UUID format");
    }
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) {
      int hi = Character.digit(h.charAt(2 * i), 16);
      int lo = Character.digit(h.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0 || h.charAt(2 * i) > 'f' || h.charAt(2 * i + 1) > 'f') {
        throw new IllegalArgumentException("invalid UUID format");
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }
}
