package dev.kplan.provider.local;

import static dev.kplan.provider.local.TestingLocal.apply;
import static dev.kplan.provider.local.TestingLocal.config;
import static dev.kplan.provider.local.TestingLocal.create;
import static dev.kplan.provider.local.TestingLocal.nothing;
import static dev.kplan.provider.local.TestingLocal.plan;
import static dev.kplan.provider.local.TestingLocal.readOne;
import static dev.kplan.provider.local.TestingLocal.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileResourceTest {
  private static final String HELLO_SHA1 = "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d";

  @TempDir java.nio.file.Path dir;
  private Provider p;

  @BeforeEach
  void configure() {
    p = new LocalProviderFactory().create();
    var result = p.configure(new ConfigureRequest(Value.object(Map.of("base_dir", Value.string(dir.toString())))));
    assertFalse(result.diagnostics().hasErrors());
  }

  private ObjectValue hello(String filename) {
    return config(p, "local_file", "filename", filename, "content", "hello");
  }

  @Test
  void planOfCreateKnowsTheDigestsAndDefaultsThePermissions() {
    PlanResult plan = plan(p, "local_file", nothing(p, "local_file"), hello("a.txt"));
    assertTrue(plan.requiresReplace().isEmpty());
    assertEquals(HELLO_SHA1, str(plan.plannedState(), "id"));
    assertEquals(HELLO_SHA1, str(plan.plannedState(), "content_sha1"));
    assertEquals("5d41402abc4b2a76b9719d911017c592", str(plan.plannedState(), "content_md5"));
    assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        str(plan.plannedState(), "content_sha256"));
    assertEquals("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=", str(plan.plannedState(), "content_base64sha256"));
    assertEquals("0777", str(plan.plannedState(), "file_permission"));
    assertEquals("0777", str(plan.plannedState(), "directory_permission"));
  }

  @Test
  void applyWritesTheFileUnderBaseDirCreatingParents() throws Exception {
    ObjectValue state = create(p, "local_file", hello("sub/dir/a.txt"));
    assertEquals("hello", Files.readString(dir.resolve("sub/dir/a.txt")));
    assertEquals(HELLO_SHA1, str(state, "id"));
    assertEquals("sub/dir/a.txt", str(state, "filename"));
    try (var s = Files.list(dir.resolve("sub/dir"))) {
      assertEquals(1, s.count(), "no temporary file is left behind");
    }
  }

  @Test
  void filePermissionIsAppliedUnderTheUmask() throws Exception {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    create(p, "local_file", config(p, "local_file", "filename", "secret", "content", "x", "file_permission", "0600"));
    Set<PosixFilePermission> actual = Files.getPosixFilePermissions(dir.resolve("secret"));
    assertTrue(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(actual), actual.toString());
    assertTrue(actual.contains(PosixFilePermission.OWNER_READ));
  }

  @Test
  void readOfAnUntouchedFileReturnsTheStoredState() {
    ObjectValue state = create(p, "local_file", hello("a.txt"));
    assertEquals(state, readOne(p, "local_file", state));
  }

  @Test
  void aHandEditedFileReadsAsDriftAndThePlanReplacesIt() throws Exception {
    ObjectValue state = create(p, "local_file", hello("a.txt"));
    Files.writeString(dir.resolve("a.txt"), "edited");
    Value live = readOne(p, "local_file", state);
    assertEquals("edited", str(live, "content"));
    assertEquals(TestingDigests.sha1("edited"), str(live, "id"));

    PlanResult plan = plan(p, "local_file", live, hello("a.txt"));
    assertEquals(List.of(Path.ROOT.attr("content")), plan.requiresReplace());
    assertEquals(HELLO_SHA1, str(plan.plannedState(), "id"));

    // the engine replaces: delete, then create
    ApplyResult deleted = p.apply(new ApplyRequest("local_file", live, nothing(p, "local_file"), hello("a.txt"), null));
    assertTrue(deleted.newState().isNull());
    ApplyResult created = apply(p, "local_file", nothing(p, "local_file"), plan, hello("a.txt"));
    assertFalse(created.diagnostics().hasErrors());
    assertEquals("hello", Files.readString(dir.resolve("a.txt")));
    assertEquals(created.newState(), readOne(p, "local_file", created.newState()));
  }

  @Test
  void aDeletedFileReadsAsGone() throws Exception {
    ObjectValue state = create(p, "local_file", hello("a.txt"));
    Files.delete(dir.resolve("a.txt"));
    assertTrue(readOne(p, "local_file", state).isNull());
  }

  @Test
  void readIsBatchedInRequestOrder() throws Exception {
    ObjectValue a = create(p, "local_file", hello("a.txt"));
    ObjectValue b = create(p, "local_file", hello("b.txt"));
    Files.delete(dir.resolve("a.txt"));
    ReadResult r = p.read(new ReadRequest("local_file", List.of(
        new ReadRequest.Instance("local_file.a", a, null), new ReadRequest.Instance("local_file.b", b, null))));
    assertEquals("local_file.a", r.instances().get(0).address());
    assertTrue(r.instances().get(0).gone());
    assertEquals(b, r.instances().get(1).liveState());
  }

  @Test
  void unchangedConfigurationPlansNoChange() {
    ObjectValue state = create(p, "local_file", hello("a.txt"));
    PlanResult plan = plan(p, "local_file", state, hello("a.txt"));
    assertTrue(plan.requiresReplace().isEmpty());
    assertEquals(state, plan.plannedState());
  }

  @Test
  void everyArgumentForcesReplacement() {
    ObjectValue state = create(p, "local_file", hello("a.txt"));
    PlanResult plan = plan(p, "local_file", state,
        config(p, "local_file", "filename", "b.txt", "content", "hello", "file_permission", "0644"));
    assertEquals(List.of(Path.ROOT.attr("filename"), Path.ROOT.attr("file_permission")), plan.requiresReplace());
  }

  @Test
  void unknownContentLeavesTheDigestsUnknown() {
    PlanResult plan = plan(p, "local_file", nothing(p, "local_file"),
        config(p, "local_file", "filename", "a.txt", "content", Value.unknownOf(Type.STRING)));
    ObjectValue planned = (ObjectValue) plan.plannedState();
    assertFalse(planned.get("id").isKnown());
    assertFalse(planned.get("content_sha256").isKnown());
  }

  @Test
  void contentBase64WritesBinaryBytes() throws Exception {
    ObjectValue state = create(p, "local_file", config(p, "local_file", "filename", "bin", "content_base64", "AAH/"));
    assertEquals(3, Files.readAllBytes(dir.resolve("bin")).length);
    assertEquals((byte) 0xff, Files.readAllBytes(dir.resolve("bin"))[2]);
    Files.write(dir.resolve("bin"), new byte[] {1});
    assertEquals("AQ==", str(readOne(p, "local_file", state), "content_base64"));
  }

  @Test
  void sourceCopiesAFileAndAChangedSourceReplaces() throws Exception {
    Files.writeString(dir.resolve("src.txt"), "hello");
    ObjectValue cfg = config(p, "local_file", "filename", "copy.txt", "source", "src.txt");
    ObjectValue state = create(p, "local_file", cfg);
    assertEquals("hello", Files.readString(dir.resolve("copy.txt")));
    assertEquals(HELLO_SHA1, str(state, "id"));
    Files.writeString(dir.resolve("src.txt"), "other");
    assertEquals(List.of(Path.ROOT.attr("source")), plan(p, "local_file", state, cfg).requiresReplace());
  }

  @Test
  void deleteRemovesTheFileAndToleratesItsAbsence() throws Exception {
    ObjectValue state = create(p, "local_file", hello("a.txt"));
    ApplyRequest delete = new ApplyRequest("local_file", state, nothing(p, "local_file"), hello("a.txt"), null);
    assertTrue(p.apply(delete).newState().isNull());
    assertFalse(Files.exists(dir.resolve("a.txt")));
    assertFalse(p.apply(delete).diagnostics().hasErrors());
  }

  @Test
  void exactlyOneContentArgumentIsRequired() {
    var none = plan(p, "local_file", nothing(p, "local_file"), config(p, "local_file", "filename", "a"));
    assertTrue(none.diagnostics().hasErrors());
    var two = plan(p, "local_file", nothing(p, "local_file"),
        config(p, "local_file", "filename", "a", "content", "x", "content_base64", "eA=="));
    assertEquals("Invalid Attribute Combination", two.diagnostics().errors().get(0).summary());
  }

  @Test
  void badPermissionsAndBase64AreDiagnostics() {
    var d = p.validate(new dev.kplan.provider.ValidateRequest("local_file", config(p, "local_file",
        "filename", "a", "content_base64", "not base64!", "file_permission", "0999"))).diagnostics();
    assertEquals(List.of("Invalid file_permission", "Invalid content_base64"),
        d.errors().stream().map(x -> x.summary()).toList());
  }

  @Test
  void importReadsTheFileByName() throws Exception {
    Files.writeString(dir.resolve("existing.txt"), "hello");
    ImportResult r = p.importResource(new ImportRequest("local_file", "existing.txt"));
    assertEquals("hello", str(r.imported().get(0), "content"));
    assertEquals(HELLO_SHA1, str(r.imported().get(0), "id"));
    assertTrue(plan(p, "local_file", r.imported().get(0), hello("existing.txt")).requiresReplace().isEmpty());
    assertTrue(p.importResource(new ImportRequest("local_file", "missing")).diagnostics().hasErrors());
  }

  @Test
  void sensitiveFileDefaultsToOwnerOnlyModes() throws Exception {
    ObjectValue state = create(p, "local_sensitive_file",
        config(p, "local_sensitive_file", "filename", "s.txt", "content", "hello"));
    assertEquals("0700", str(state, "file_permission"));
    assertEquals("hello", new String(Files.readAllBytes(dir.resolve("s.txt")), StandardCharsets.UTF_8));
  }

  @Test
  void aTemporaryFileLeftByACrashIsTakenOverByTheNextWrite() throws Exception {
    Files.writeString(dir.resolve(".a.txt.kplan-tmp"), "half-writ");
    create(p, "local_file", hello("a.txt"));
    try (var s = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("a.txt")), s.toList());
    }
    assertEquals("hello", Files.readString(dir.resolve("a.txt")));
  }

  @Test
  void applyWithAnUnknownArgumentIsAnEngineBugNotAnEmptyFile() {
    ObjectValue cfg = config(p, "local_file", "filename", "a.txt", "content", Value.unknownOf(Type.STRING));
    PlanResult plan = plan(p, "local_file", nothing(p, "local_file"), cfg);
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.kplan.provider.ProviderException.class,
        () -> apply(p, "local_file", nothing(p, "local_file"), plan, cfg));
    assertEquals(dev.kplan.provider.ProviderException.Code.PROVIDER_BUG, e.code());
    assertFalse(Files.exists(dir.resolve("a.txt")));
  }
}
