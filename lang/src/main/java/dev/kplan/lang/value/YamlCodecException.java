package dev.kplan.lang.value;

/**
 * YAML text that cannot be read, or a value that cannot be written as YAML; worded as go-cty-yaml
 * words it ({@code on line 0, column 4: unsupported tag "!foo"}).
 */
public final class YamlCodecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public YamlCodecException(String message) {
    super(message);
  }
}
