package dev.kplan.state.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts sensitive values at rest: AES-256 derived from a passphrase with
 * PBKDF2-HMAC-SHA256 over a salt kept in the state. Each value is sealed with AES-GCM under a fresh
 * 96-bit random nonce, with where it lives (address and position) as associated data, so a sealed
 * value copied to another place fails to open rather than decrypting into the wrong attribute.
 * A sealed value is text: {@value #PREFIX} then base64 of nonce and ciphertext with its tag.
 */
public final class StateKey {
  public static final String PREFIX = "kplan:enc:v1:";

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private StateKey(SecretKeySpec key) {
    this.key = key;
  }

  /** Derives the key of {@code passphrase} with {@code salt}. */
  public static StateKey derive(char[] passphrase, byte[] salt, int iterations) {
    Objects.requireNonNull(passphrase, "passphrase is null");
    PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
    try {
      byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      try {
        return new StateKey(new SecretKeySpec(bytes, "AES"));
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java runtime", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** A fresh random salt for a new key. */
  public static byte[] newSalt() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return salt;
  }

  public static boolean isSealed(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /** {@code plaintext} sealed for the place {@code context} names. */
  public String seal(String plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return PREFIX + Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is missing from this Java runtime", e);
    }
  }

  /**
   * The plaintext of a value sealed by {@link #seal} for {@code context}; {@link WrongKeyException}
   * when this key, or this context, is not the one it was sealed with (or the text was altered).
   */
  public String open(String sealed, String context) throws WrongKeyException {
    if (!isSealed(sealed)) {
      throw new WrongKeyException("not a sealed value");
    }
    byte[] all;
    try {
      all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new WrongKeyException("a sealed value is not base64");
    }
    if (all.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new WrongKeyException("a sealed value is too short");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new WrongKeyException("authentication failed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is missing from this Java runtime", e);
    }
  }

  /** A sealed value that this key cannot open: another passphrase, another place, or altered text. */
  public static final class WrongKeyException extends Exception {
    private static final long serialVersionUID = 1L;

    public WrongKeyException(String message) {
      super(message);
    }
  }
}
