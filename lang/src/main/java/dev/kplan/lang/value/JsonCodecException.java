package dev.kplan.lang.value;

/**
 * A value that cannot be written as JSON (it is not wholly known) or JSON text that cannot be
 * read; the message is worded as go-cty's and Go's encoding/json's are, since users see it.
 */
public final class JsonCodecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public JsonCodecException(String message) {
    super(message);
  }
}
