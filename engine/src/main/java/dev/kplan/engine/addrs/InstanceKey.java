package dev.kplan.engine.addrs;

import java.util.Objects;

/**
 * Which instance of a resource or module: none (no {@code count}/{@code for_each}), an integer
 * ({@code count}) or a string ({@code for_each}). Ordered none, then integers numerically, then
 * strings, as Terraform sorts instances.
 */
public sealed interface InstanceKey extends Comparable<InstanceKey> {
  InstanceKey NONE = new None();

  /** The key in address form: empty, {@code [0]} or {@code ["x"]}. */
  String text();

  private int rank() {
    if (this instanceof None) {
      return 0;
    }
    return this instanceof IntKey ? 1 : 2;
  }

  @Override
  default int compareTo(InstanceKey o) {
    int r = Integer.compare(rank(), o.rank());
    if (r != 0) {
      return r;
    }
    if (this instanceof IntKey a && o instanceof IntKey b) {
      return Integer.compare(a.value(), b.value());
    }
    if (this instanceof StringKey a && o instanceof StringKey b) {
      return a.value().compareTo(b.value());
    }
    return 0;
  }

  static InstanceKey of(int index) {
    return new IntKey(index);
  }

  static InstanceKey of(String key) {
    return new StringKey(key);
  }

  /** No key: the resource has neither {@code count} nor {@code for_each}. */
  record None() implements InstanceKey {
    @Override
    public String text() {
      return "";
    }
  }

  /** A {@code count} index. */
  record IntKey(int value) implements InstanceKey {
    public IntKey {
      if (value < 0) {
        throw new IllegalArgumentException("negative instance index " + value);
      }
    }

    @Override
    public String text() {
      return "[" + value + "]";
    }
  }

  /** A {@code for_each} key. */
  record StringKey(String value) implements InstanceKey {
    public StringKey {
      Objects.requireNonNull(value, "value is null");
    }

    @Override
    public String text() {
      return "[" + quote(value) + "]";
    }

    /** Quoted as HCL reads it back: backslash escapes, and template sequences doubled. */
    static String quote(String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          case '$', '%' -> {
            sb.append(c);
            if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
              sb.append(c);
            }
          }
          default -> {
            if (c < 0x20) {
              sb.append(String.format("\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      return sb.append('"').toString();
    }
  }
}
