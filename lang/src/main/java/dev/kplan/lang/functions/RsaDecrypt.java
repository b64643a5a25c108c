package dev.kplan.lang.functions;

import dev.kplan.lang.value.GoQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * {@code rsadecrypt}: PKCS #1 v1.5 decryption with a PEM private key, as OpenTofu does it with
 * Go's x/crypto/ssh key parser ({@code RSA PRIVATE KEY} and {@code PRIVATE KEY} blocks).
 */
final class RsaDecrypt {
  private RsaDecrypt() {}

  private static final byte[] RSA_ALGORITHM_ID = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  static String decrypt(String ciphertext, String pem) throws FunctionException {
    byte[] data;
    try {
      data = GoBase64.decode(ciphertext);
    } catch (GoBase64.CorruptInput e) {
      throw new FunctionException(0,
          "failed to decode input " + GoQuote.quote(ciphertext) + ": cipher text must be base64-encoded");
    }
    PrivateKey key = parseKey(pem);
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
      cipher.init(Cipher.DECRYPT_MODE, key);
      return EncodingFunctions.goString(cipher.doFinal(data));
    } catch (GeneralSecurityException e) {
      throw new FunctionException("failed to decrypt: crypto/rsa: decryption error");
    }
  }

  private static PrivateKey parseKey(String pem) throws FunctionException {
    Block block = firstBlock(pem);
    if (block == null) {
      throw new FunctionException(1, "invalid private key: ssh: no key found");
    }
    if (block.encrypted) {
      throw new FunctionException(1, "invalid private key: ssh: this private key is passphrase protected");
    }
    byte[] pkcs8;
    switch (block.type) {
      case "RSA PRIVATE KEY" -> pkcs8 = wrapPkcs1(block.der);
      case "PRIVATE KEY" -> pkcs8 = block.der;
      case "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY" -> throw new FunctionException(1,
          "invalid private key type: only RSA keys can decrypt, this is a " + block.type);
      default -> throw new FunctionException(1,
          "invalid private key: ssh: unsupported key type " + GoQuote.quote(block.type));
    }
    try {
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      if (!(key instanceof RSAPrivateKey)) {
        throw new FunctionException(1, "invalid private key type: only RSA keys can decrypt");
      }
      return key;
    } catch (GeneralSecurityException e) {
      throw new FunctionException(1, "invalid ASN1 data in the given private key: malformed RSA key");
    }
  }

  private record Block(String type, byte[] der, boolean encrypted) {}

  /** The first PEM block, as Go's pem.Decode finds it; null when there is none. */
  private static Block firstBlock(String pem) {
    int begin = pem.indexOf("-----BEGIN ");
    while (begin >= 0) {
      int typeEnd = pem.indexOf("-----", begin + 11);
      if (typeEnd < 0) {
        return null;
      }
      String type = pem.substring(begin + 11, typeEnd);
      String endMarker = "-----END " + type + "-----";
      int end = pem.indexOf(endMarker, typeEnd);
      if (end >= 0) {
        String body = pem.substring(typeEnd + 5, end);
        boolean encrypted = body.contains("Proc-Type:") && body.contains("ENCRYPTED");
        StringBuilder b64 = new StringBuilder();
        for (String line : body.split("\n")) {
          if (!line.contains(":")) {
            b64.append(line.strip());
          }
        }
        try {
          return new Block(type, Base64.getDecoder().decode(b64.toString().getBytes(StandardCharsets.US_ASCII)),
              encrypted);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
      begin = pem.indexOf("-----BEGIN ", typeEnd);
    }
    return null;
  }

  /** A PKCS #1 RSAPrivateKey inside a PKCS #8 PrivateKeyInfo, which is what Java's key factory reads. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM_ID);
    body.write(0x04);
    writeLength(body, pkcs1.length);
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    writeLength(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void writeLength(ByteArrayOutputStream out, int len) {
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write(len >> 8);
      out.write(len);
    }
  }
}
