package dev.kplan.state.jdbc;

import dev.kplan.state.DeposedObject;
import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateSnapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a version's canonical content: serial, lineage, then every resource, output and
 * deposed object in key order, each field length-prefixed (so no two contents share an encoding)
 * and null told apart from empty. Times, who and command are history metadata and not included.
 * The same content gives the same checksum on H2 and PostgreSQL, which is what lets
 * {@code state migrate} prove a copy.
 */
final class Checksum {
  private final MessageDigest digest;

  private Checksum() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String of(StateSnapshot s) {
    Checksum c = new Checksum();
    c.text("kplan-state-v1");
    c.number(s.serial());
    c.text(s.lineage());
    c.number(s.resources().size());
    for (ResourceInstance r : s.resources().values()) {
      c.resource(r);
    }
    c.number(s.outputs().size());
    for (OutputValue o : s.outputs().values()) {
      c.text(o.name());
      c.text(o.valueJson());
      c.number(o.sensitive() ? 1 : 0);
    }
    c.number(s.deposed().size());
    for (DeposedObject d : s.deposed().values()) {
      c.text(d.deposedKey());
      c.resource(d.instance());
    }
    return HexFormat.of().formatHex(c.digest.digest());
  }

  private void resource(ResourceInstance r) {
    text(r.address());
    text(r.providerAddress());
    number(r.schemaVersion());
    text(r.attributesJson());
    text(r.sensitivePathsJson());
    List<String> deps = r.dependencies();
    number(deps.size());
    deps.forEach(this::text);
    number(r.tainted() ? 1 : 0);
    text(r.privateData());
  }

  private void text(String value) {
    if (value == null) {
      number(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    number(bytes.length);
    digest.update(bytes);
  }

  private void number(long value) {
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
  }
}
