package dev.kplan.provider.local;

import dev.kplan.lang.value.Value;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The digests the local provider reports for file content; {@code id} is the SHA1 in hex. */
final class Checksums {
  static final List<String> ATTRIBUTES = List.of("id", "content_md5", "content_sha1", "content_sha256",
      "content_base64sha256", "content_sha512", "content_base64sha512");

  private Checksums() {}

  static Map<String, Value> of(byte[] content) {
    byte[] sha256 = digest("SHA-256", content);
    byte[] sha512 = digest("SHA-512", content);
    String sha1 = hex(digest("SHA-1", content));
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(sha1));
    m.put("content_md5", Value.string(hex(digest("MD5", content))));
    m.put("content_sha1", Value.string(sha1));
    m.put("content_sha256", Value.string(hex(sha256)));
    m.put("content_base64sha256", Value.string(Base64.getEncoder().encodeToString(sha256)));
    m.put("content_sha512", Value.string(hex(sha512)));
    m.put("content_base64sha512", Value.string(Base64.getEncoder().encodeToString(sha512)));
    return m;
  }

  static Map<String, Value> unknown() {
    Map<String, Value> m = new LinkedHashMap<>();
    for (String name : ATTRIBUTES) {
      m.put(name, Value.unknownOf(dev.kplan.lang.types.Type.STRING));
    }
    return m;
  }

  static String sha1Hex(byte[] content) {
    return hex(digest("SHA-1", content));
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static byte[] digest(String algorithm, byte[] content) {
    try {
      return MessageDigest.getInstance(algorithm).digest(content);
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide MD5, SHA-1 and SHA-256; SHA-512 is in every JDK
      throw new IllegalStateException(algorithm + " missing from this JVM", e);
    }
  }
}
