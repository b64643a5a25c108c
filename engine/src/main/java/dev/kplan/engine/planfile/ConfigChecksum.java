package dev.kplan.engine.planfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of a configuration's files (names and texts, in name order), written into a plan
 * file so that applying it to a configuration edited since is refused.
 */
public final class ConfigChecksum {
  private ConfigChecksum() {}

  /** {@code sha256:<hex>} of {@code sources} (file name → text). */
  public static String of(Map<String, String> sources) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    for (Map.Entry<String, String> e : new TreeMap<>(sources).entrySet()) {
      md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    StringBuilder sb = new StringBuilder("sha256:");
    for (byte b : md.digest()) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
