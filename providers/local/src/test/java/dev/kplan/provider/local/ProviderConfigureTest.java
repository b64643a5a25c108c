package dev.kplan.provider.local;

import static dev.kplan.provider.local.TestingLocal.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderConfigureTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void anUnknownBaseDirIsAConfigureDiagnostic() {
    Provider fresh = new LocalProviderFactory().create();
    var r = fresh.configure(new ConfigureRequest(Value.object(Map.of("base_dir", Value.unknownOf(Type.STRING)))));
    assertEquals("Unknown base_dir", r.diagnostics().errors().get(0).summary());
  }

  @Test
  void randomAndKplanNeedNoConfiguration() {
    Value empty = Value.object(Map.of());
    assertTrue(new RandomProviderFactory().create().configure(new ConfigureRequest(empty)).diagnostics().isEmpty());
    assertTrue(new KplanProviderFactory().create().configure(new ConfigureRequest(empty)).diagnostics().isEmpty());
  }

  @Test
  void relativeBaseDirStartsAtTheWorkingDirectoryAndAbsoluteFilenamesIgnoreIt() throws Exception {
    Files.writeString(dir.resolve("abs.txt"), "x");
    Provider fresh = new LocalProviderFactory().create();
    fresh.configure(new ConfigureRequest(Value.object(Map.of("base_dir", Value.string("does/not/matter")))));
    ReadDataResult r = fresh.readData(new ReadDataRequest("local_file",
        Value.object(Map.of("filename", Value.string(dir.resolve("abs.txt").toString())))));
    assertEquals("x", str(r.state(), "content"));
  }
}
