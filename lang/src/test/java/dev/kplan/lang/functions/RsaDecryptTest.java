package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.FnencTesting.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RsaDecryptTest {
  private static KeyPair keys;
  private static String ciphertext;
  private final FnencTesting fns = new FnencTesting();

  @BeforeAll
  static void encrypt() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(1024);
    keys = gen.generateKeyPair();
    Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    c.init(Cipher.ENCRYPT_MODE, keys.getPublic());
    ciphertext = Base64.getEncoder().encodeToString(c.doFinal("secret ✓".getBytes(StandardCharsets.UTF_8)));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  /** The PKCS #1 key inside Java's PKCS #8 encoding (after its fixed 26-byte header for RSA). */
  private static byte[] pkcs1() {
    byte[] pkcs8 = keys.getPrivate().getEncoded();
    return Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
  }

  @Test
  void decryptsWithPkcs1AndPkcs8Keys() throws FunctionException {
    assertEquals("secret ✓", fns.string("rsadecrypt", s(ciphertext), s(pem("RSA PRIVATE KEY", pkcs1()))));
    assertEquals("secret ✓", fns.string("rsadecrypt", s(ciphertext), s(pem("PRIVATE KEY", keys.getPrivate().getEncoded()))));
  }

  @Test
  void reportsBadCiphertextAndKeysAsOpenTofuDoes() {
    String key = pem("RSA PRIVATE KEY", pkcs1());
    fns.assertFails("failed to decode input \"x!\": cipher text must be base64-encoded", 0, "rsadecrypt", s("x!"), s(key));
    fns.assertFails("invalid private key: ssh: no key found", 1, "rsadecrypt", s(ciphertext), s("nope"));
    fns.assertFails("failed to decrypt: crypto/rsa: decryption error", -1, "rsadecrypt", s("aGVsbG8="), s(key));
    assertTrue(fns.failure("rsadecrypt", s(ciphertext), s(pem("EC PRIVATE KEY", new byte[] {1})))
        .getMessage().startsWith("invalid private key type"));
  }
}
