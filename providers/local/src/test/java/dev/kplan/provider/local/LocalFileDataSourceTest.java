package dev.kplan.provider.local;

import static dev.kplan.provider.local.TestingLocal.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.Value;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileDataSourceTest {
  @TempDir java.nio.file.Path dir;
  private Provider p;

  @BeforeEach
  void configure() {
    p = new LocalProviderFactory().create();
    p.configure(new ConfigureRequest(Value.object(Map.of("base_dir", Value.string(dir.toString())))));
  }

  private ReadDataResult read(String type, String filename) {
    return p.readData(new ReadDataRequest(type, Value.object(Map.of("filename", Value.string(filename)))));
  }

  @Test
  void readsContentBase64AndDigests() throws Exception {
    Files.writeString(dir.resolve("in.txt"), "hello");
    ReadDataResult r = read("local_file", "in.txt");
    assertEquals("hello", str(r.state(), "content"));
    assertEquals("aGVsbG8=", str(r.state(), "content_base64"));
    assertEquals(TestingDigests.sha1("hello"), str(r.state(), "id"));
    assertEquals("in.txt", str(r.state(), "filename"));
    assertEquals("9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043",
        str(r.state(), "content_sha512"));
  }

  @Test
  void sensitiveVariantReadsTheSame() throws Exception {
    Files.writeString(dir.resolve("in.txt"), "hello");
    assertEquals("hello", str(read("local_sensitive_file", "in.txt").state(), "content"));
  }

  @Test
  void aMissingFileIsAnError() {
    ReadDataResult r = read("local_file", "missing.txt");
    assertNull(r.state());
    assertTrue(r.diagnostics().hasErrors());
  }
}
