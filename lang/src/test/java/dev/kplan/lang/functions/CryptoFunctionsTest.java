package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.FnencTesting.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CryptoFunctionsTest {
  private final FnencTesting fns = new FnencTesting();

  @Test
  void hashesUtf8BytesInHexAndBase64() throws FunctionException {
    assertEquals("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed", fns.string("sha1", s("hello world")));
    assertEquals("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=", fns.string("base64sha256", s("hello world")));
    assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", fns.string("md5", s("hello world")));
  }

  @Test
  void uuidIsFreshAndUuidShaped() throws FunctionException {
    String a = fns.string("uuid");
    assertTrue(a.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), a);
    assertNotEquals(a, fns.string("uuid"));
  }

  @Test
  void uuidv5AcceptsNamedNamespacesAndUuidSpellings() throws FunctionException {
    String expected = "df1e675d-b743-5f6c-9952-6311d0f141df";
    assertEquals(expected, fns.string("uuidv5", s("dns"), s("www.opentofu.org")));
    assertEquals(expected, fns.string("uuidv5", s("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}"), s("www.opentofu.org")));
    assertEquals(expected, fns.string("uuidv5", s("urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8"), s("www.opentofu.org")));
    assertEquals(expected, fns.string("uuidv5", s("6ba7b8109dad11d180b400c04fd430c8"), s("www.opentofu.org")));
  }

  @Test
  void uuidv5RejectsUnknownNamespaces() {
    fns.assertFails("uuidv5() doesn't support namespace foo (invalid UUID length: 3)", -1, "uuidv5", s("foo"), s("x"));
    fns.assertFails("uuidv5() doesn't support namespace 6ba7b810x9dad-11d1-80b4-00c04fd430c8 (invalid UUID format)",
        -1, "uuidv5", s("6ba7b810x9dad-11d1-80b4-00c04fd430c8"), s("x"));
  }

  @Test
  void bcryptMatchesGoForTheSameSalt() {
    // a hash OpenTofu 1.10 printed for bcrypt("x"): same salt, same result
    byte[] salt = Bcrypt.decode("prZzHZgNMIhe.53Cp9ZkTO", 16);
    assertEquals("$2a$10$prZzHZgNMIhe.53Cp9ZkTOap08vLb7XD.TqtoFaZA0/YaGGpc26UC",
        Bcrypt.hash("x".getBytes(java.nio.charset.StandardCharsets.UTF_8), 10, salt));
  }

  @Test
  void bcryptSaltsFreshlyAndChecksCostAndLength() throws FunctionException {
    String h = fns.string("bcrypt", s("pw"), dev.kplan.lang.functions.FnencTesting.n(4));
    assertTrue(h.matches("\\$2a\\$04\\$[./A-Za-z0-9]{53}"), h);
    assertNotEquals(h, fns.string("bcrypt", s("pw"), dev.kplan.lang.functions.FnencTesting.n(4)));
    fns.assertFails("error occurred generating password crypto/bcrypt: cost 32 is outside allowed range (4,31)", -1,
        "bcrypt", s("pw"), dev.kplan.lang.functions.FnencTesting.n(32));
    fns.assertFails("bcrypt() takes no more than two arguments", -1,
        "bcrypt", s("pw"), dev.kplan.lang.functions.FnencTesting.n(4), dev.kplan.lang.functions.FnencTesting.n(4));
    fns.assertFails("error occurred generating password bcrypt: password length exceeds 72 bytes", -1,
        "bcrypt", s("x".repeat(73)));
  }
}
