package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kplan state …} and {@code force-unlock} end to end on real folders with the local
 * provider, on the backend a subclass gives ({@link StateCommandTest}: H2, {@link
 * StateCommandPostgresIT}: PostgreSQL).
 */
abstract class StateCommandContract {
  @TempDir Path dir;
  TestingStateBackend backend;

  @AfterEach
  void closeBackend() throws Exception {
    backend.close();
  }

  static final String CONFIG = """
      resource "kplan_data" "item" {
        for_each = toset(["a", "b"])
        input    = "item ${each.key}"
      }
      resource "kplan_data" "counted" {
        count = 2
        input = count.index
      }
      resource "kplan_data" "secret" {
        input = sensitive("s3cr3t")
      }
      module "box" {
        source = "./box"
      }
      output "greeting" {
        value = "hello"
      }
      """;

  static final String BOX = """
      resource "kplan_data" "inner" {
        input = "inside"
      }
      """;

  CliRun kplan(String stdin, String... args) {
    return CliRun.in(backend.env(), stdin, dir, args);
  }

  void applied() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    Files.createDirectories(dir.resolve("box"));
    Files.writeString(dir.resolve("box/main.kp.hcl"), BOX);
    CliRun r = kplan("", "apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.err());
  }

  @Test
  void listShowsEveryObjectInAddressOrder() throws IOException {
    applied();
    CliRun r = kplan("", "state", "list");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("""
        kplan_data.counted[0]
        kplan_data.counted[1]
        kplan_data.item["a"]
        kplan_data.item["b"]
        kplan_data.secret
        module.box.kplan_data.inner
        """, r.out());
  }

  @Test
  void listFiltersByResourceModuleInstanceAndId() throws IOException {
    applied();
    assertEquals("kplan_data.item[\"a\"]\nkplan_data.item[\"b\"]\n", kplan("", "state", "list", "kplan_data.item").out());
    assertEquals("module.box.kplan_data.inner\n", kplan("", "state", "list", "module.box").out());
    assertEquals("kplan_data.counted[1]\nmodule.box.kplan_data.inner\n",
        kplan("", "state", "list", "kplan_data.counted[1]", "module.box").out());
    String show = kplan("", "state", "show", "kplan_data.counted[1]").out();
    String id = show.replaceAll("(?s).*\\bid\\s+= \"([^\"]+)\".*", "$1");
    assertEquals("kplan_data.counted[1]\n", kplan("", "state", "list", "-id", id).out());
    assertEquals("", kplan("", "state", "list", "kplan_data.nothing").out());
  }

  @Test
  void showRendersAttributesAsHclAndMasksSensitiveValues() throws IOException {
    applied();
    CliRun r = kplan("", "state", "show", "kplan_data.item[\"a\"]");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("# kplan_data.item[\"a\"]:\nresource \"kplan_data\" \"item\" {\n"), r.out());
    assertTrue(r.out().contains("input  = \"item a\""), r.out());
    CliRun secret = kplan("", "state", "show", "kplan_data.secret");
    assertEquals(0, secret.exitCode(), secret.err());
    assertTrue(secret.out().contains("input  = (sensitive value)"), secret.out());
    assertFalse(secret.out().contains("s3cr3t"), secret.out());
  }

  @Test
  void showOfAnUnknownOrMalformedAddressFailsWithADiagnostic() throws IOException {
    applied();
    CliRun unknown = kplan("", "state", "show", "kplan_data.nothing");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("Error: No instance found for the given address"), unknown.err());
    CliRun whole = kplan("", "state", "show", "kplan_data.item");
    assertEquals(1, whole.exitCode());
    assertTrue(whole.err().contains("It holds 2 instances of it, e.g. kplan_data.item[\"a\"]"), whole.err());
    CliRun malformed = kplan("", "state", "show", "kplan_data.item[");
    assertEquals(1, malformed.exitCode());
    assertTrue(malformed.err().contains("Error: Invalid address"), malformed.err());
    assertFalse(malformed.err().contains("Exception"), malformed.err());
  }

  @Test
  void mvMovesInstancesBetweenKeysAndModulesAndThePlanKeepsThem() throws IOException {
    applied();
    CliRun r = kplan("", "state", "mv", "kplan_data.item[\"a\"]", "kplan_data.item[\"c\"]");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Move \"kplan_data.item[\"a\"]\" to \"kplan_data.item[\"c\"]\""), r.out());
    assertEquals("kplan_data.item[\"b\"]\nkplan_data.item[\"c\"]\n", kplan("", "state", "list", "kplan_data.item").out());

    assertEquals(0, kplan("", "state", "mv", "module.box", "module.crate").exitCode());
    assertEquals("module.crate.kplan_data.inner\n", kplan("", "state", "list", "module.crate").out());
    assertEquals(0, kplan("", "state", "mv", "module.crate.kplan_data.inner", "kplan_data.inner").exitCode());
    assertEquals(0, kplan("", "state", "mv", "kplan_data.inner", "module.box.kplan_data.inner").exitCode());
    assertEquals(0, kplan("", "state", "mv", "kplan_data.counted", "kplan_data.numbered").exitCode());
    assertEquals("kplan_data.numbered[0]\nkplan_data.numbered[1]\n",
        kplan("", "state", "list", "kplan_data.numbered").out());
    assertEquals(0, kplan("", "state", "mv", "kplan_data.numbered", "kplan_data.counted").exitCode());
    assertEquals(0, kplan("", "state", "mv", "kplan_data.item[\"c\"]", "kplan_data.item[\"a\"]").exitCode());

    // everything is back where the configuration has it: no changes
    CliRun plan = kplan("", "plan");
    assertTrue(plan.out().contains("No changes."), plan.out());
  }

  @Test
  void mvRefusesAnOccupiedDestinationAnUnknownSourceAndAnotherType() throws IOException {
    applied();
    byte[] before = kplan("", "state", "pull").out().getBytes();
    CliRun occupied = kplan("", "state", "mv", "kplan_data.item[\"a\"]", "kplan_data.item[\"b\"]");
    assertEquals(1, occupied.exitCode());
    assertTrue(occupied.err().contains("Error: Destination is occupied"), occupied.err());
    CliRun unknown = kplan("", "state", "mv", "kplan_data.nothing", "kplan_data.other");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("Error: No matching objects found"), unknown.err());
    CliRun type = kplan("", "state", "mv", "kplan_data.secret", "local_file.secret");
    assertEquals(1, type.exitCode());
    assertTrue(type.err().contains("keeps its resource type"), type.err());
    assertEquals(new String(before), kplan("", "state", "pull").out());
  }

  @Test
  void rmForgetsWithoutDestroyingAndTheNextPlanCreatesAgain() throws IOException {
    applied();
    CliRun r = kplan("", "state", "rm", "kplan_data.item", "module.box");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Removed kplan_data.item[\"a\"]\nRemoved kplan_data.item[\"b\"]\n"
        + "Removed module.box.kplan_data.inner\n"), r.out());
    assertEquals("kplan_data.counted[0]\nkplan_data.counted[1]\nkplan_data.secret\n", kplan("", "state", "list").out());
    assertTrue(kplan("", "plan").out().contains("Plan: 3 to add, 0 to change, 0 to destroy."));
    CliRun unknown = kplan("", "state", "rm", "kplan_data.counted[0]", "kplan_data.nothing");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("nothing was removed"), unknown.err());
    assertTrue(kplan("", "state", "list").out().contains("kplan_data.counted[0]"));
  }

  @Test
  void pullWritesTerraformStateVersion4Layout() throws IOException {
    applied();
    CliRun r = kplan("", "state", "pull");
    assertEquals(0, r.exitCode(), r.err());
    String json = r.out();
    assertTrue(json.contains("\"version\" : 4"), json);
    assertTrue(json.contains("\"serial\" : 1"), json);
    assertTrue(json.matches("(?s).*\"lineage\" : \"[0-9a-f-]{36}\".*"), json);
    assertTrue(json.contains("\"greeting\" : {\n      \"value\" : \"hello\",\n      \"type\" : \"string\""), json);
    assertTrue(json.contains("\"module\" : \"module.box\""), json);
    assertTrue(json.contains("\"mode\" : \"managed\""), json);
    assertTrue(json.contains("\"provider\" : \"provider.kplan\""), json);
    assertTrue(json.contains("\"index_key\" : 1"), json);
    assertTrue(json.contains("\"index_key\" : \"a\""), json);
    assertTrue(json.contains("\"sensitive_attributes\" : [ [ {"), json);
    assertTrue(json.contains("\"dependencies\" : [ ]"), json);
  }

  @Test
  void pushOfAPulledAndEditedStateWritesANewVersion() throws IOException {
    applied();
    String pulled = kplan("", "state", "pull").out();
    Files.writeString(dir.resolve("edited.json"), pulled.replace("\"hello\"", "\"edited\""));
    CliRun r = kplan("", "state", "push", "edited.json");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("as state version 2"), r.out());
    assertTrue(kplan("", "output", "greeting").out().contains("\"edited\""));
    assertEquals(pulled.replace("\"hello\"", "\"edited\"").replace("\"serial\" : 1", "\"serial\" : 2"),
        kplan("", "state", "pull").out());
  }

  @Test
  void pushOfAnotherLineageOrAnOlderSerialIsRefusedAndLeavesTheStateUnchanged() throws Exception {
    applied();
    String v1 = kplan("", "state", "pull").out();
    assertEquals(0, kplan("", "state", "rm", "kplan_data.secret").exitCode());
    String v2 = kplan("", "state", "pull").out();
    String stored = backend.rows();
    String lineage = v1.replaceAll("(?s).*\"lineage\" : \"([^\"]+)\".*", "$1");

    Files.writeString(dir.resolve("old.json"), v1);
    CliRun older = kplan("", "state", "push", "old.json");
    assertEquals(1, older.exitCode());
    assertTrue(older.err().contains("Error: Failed to push the state: serial is older"), older.err());
    assertTrue(older.err().contains("has serial 1, older than the state's serial 2"), older.err());
    assertEquals(v2, kplan("", "state", "pull").out());

    Files.writeString(dir.resolve("other.json"), v2.replace(lineage, "00000000-0000-0000-0000-000000000000"));
    CliRun other = kplan("", "state", "push", "other.json");
    assertEquals(1, other.exitCode());
    assertTrue(other.err().contains("Error: Failed to push the state: lineage differs"), other.err());
    assertEquals(v2, kplan("", "state", "pull").out());
    assertEquals(2, kplan("", "state", "history").out().lines().count() - 1, "no version was written");
    assertEquals(stored, backend.rows(), "the refused pushes changed no stored row");

    CliRun forced = kplan("", "state", "push", "-force", "old.json");
    assertEquals(0, forced.exitCode(), forced.err());
    assertTrue(kplan("", "state", "list").out().contains("kplan_data.secret"));
  }

  @Test
  void pushOfMalformedJsonNamesTheProblem() throws IOException {
    applied();
    String before = kplan("", "state", "pull").out();
    Files.writeString(dir.resolve("bad.json"), "{\"version\": 4, \"serial\": 9, \"lineage\": \"x\", \"resources\": ["
        + "{\"mode\": \"managed\", \"type\": \"kplan_data\", \"name\": \"x\", \"provider\": \"provider.kplan\","
        + " \"instances\": [{\"index_key\": true, \"attributes\": {}}]}]}");
    CliRun r = kplan("", "state", "push", "bad.json");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("bad.json: resources[0].instances[0].index_key must be a number or a string."),
        r.err());
    Files.writeString(dir.resolve("notjson.json"), "{ nope");
    CliRun notJson = kplan("", "state", "push", "notjson.json");
    assertEquals(1, notJson.exitCode());
    assertTrue(notJson.err().contains("notjson.json is not valid JSON"), notJson.err());
    assertEquals(before, kplan("", "state", "pull").out());
  }

  @Test
  void historyListsEveryVersionWithTimeWhoCommandAndCounts() throws IOException {
    applied();
    assertEquals(0, kplan("", "state", "mv", "kplan_data.secret", "kplan_data.hidden").exitCode());
    assertEquals(0, kplan("", "state", "rm", "kplan_data.item[\"b\"]").exitCode());
    CliRun r = kplan("", "state", "history");
    assertEquals(0, r.exitCode(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(4, lines.length, r.out());
    assertTrue(lines[0].matches("SERIAL +TIME +WHO +COMMAND +CHANGES"), lines[0]);
    String who = System.getProperty("user.name");
    assertTrue(lines[1].matches("3 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +" + who + "@\\S+ +kplan state rm"
        + " kplan_data.item\\[\"b\"\\] +\\+0 ~0 -1"), lines[1]);
    assertTrue(lines[2].matches("2 .* kplan state mv kplan_data.secret kplan_data.hidden +\\+0 ~0 -0 >1"), lines[2]);
    assertTrue(lines[3].matches("1 .* kplan apply +\\+6 ~0 -0"), lines[3]);
    assertEquals(2, kplan("", "state", "history", "-n", "1").out().lines().count());
  }

  @Test
  void showAndListOfAnOlderVersion() throws IOException {
    applied();
    assertEquals(0, kplan("", "state", "rm", "kplan_data.secret").exitCode());
    assertEquals(1, kplan("", "state", "show", "kplan_data.secret").exitCode());
    CliRun old = kplan("", "state", "show", "-serial", "1", "kplan_data.secret");
    assertEquals(0, old.exitCode(), old.err());
    assertTrue(old.out().contains("(sensitive value)"), old.out());
    assertTrue(kplan("", "state", "list", "-serial", "1").out().contains("kplan_data.secret"));
    CliRun missing = kplan("", "state", "show", "-serial", "7", "kplan_data.secret");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("has no version 7 (versions are 1 to 2)"), missing.err());
  }

  @Test
  void diffShowsAttributeChangesAdditionsRemovalsAndMovesAsMoves() throws IOException {
    applied();
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG.replace("\"item ${each.key}\"", "\"thing ${each.key}\"")
        .replace("value = \"hello\"", "value = \"bye\""));
    assertEquals(0, kplan("", "apply", "-auto-approve").exitCode());
    assertEquals(0, kplan("", "state", "mv", "kplan_data.item[\"b\"]", "kplan_data.item[\"z\"]").exitCode());
    assertEquals(0, kplan("", "state", "rm", "kplan_data.counted[1]").exitCode());

    CliRun r = kplan("", "state", "diff", "1", "2");
    assertEquals(0, r.exitCode(), r.err());
    String out = r.out();
    assertTrue(out.startsWith("Changes from version 1 to version 2:\n\n"), out);
    assertTrue(out.contains("  ~ kplan_data.item[\"b\"]\n      input: {\"value\":\"item b\",\"type\":\"string\"} ->"
        + " {\"value\":\"thing b\",\"type\":\"string\"}\n"), out);
    assertTrue(out.contains("  ~ output greeting: \"hello\" -> \"bye\"\n"), out);

    CliRun moved = kplan("", "state", "diff", "2");
    assertEquals("Changes from version 2 to version 4:\n\n  - kplan_data.counted[1]\n"
        + "  > kplan_data.item[\"b\"] moved to kplan_data.item[\"z\"]\n", moved.out());
    assertTrue(kplan("", "state", "diff", "3", "3").out().contains("No differences"));
    CliRun missing = kplan("", "state", "diff", "9");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("has no version 9"), missing.err());
  }

  @Test
  void movedBlocksAreRecordedAsMovesSoDiffShowsAMovedAndChangedObjectAsAMoveWithItsChanges() throws IOException {
    applied();
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG.replace("resource \"kplan_data\" \"counted\" {\n  count = 2\n"
        + "  input = count.index", "resource \"kplan_data\" \"numbered\" {\n  count = 2\n  input = \"n${count.index}\"")
        + "moved {\n  from = kplan_data.counted\n  to   = kplan_data.numbered\n}\n");
    CliRun apply = kplan("", "apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());

    String diff = kplan("", "state", "diff", "1").out();
    assertTrue(diff.contains("  > kplan_data.counted[0] moved to kplan_data.numbered[0]\n      input: "
        + "{\"value\":0,\"type\":\"number\"} -> {\"value\":\"n0\",\"type\":\"string\"}\n"), diff);
    assertTrue(diff.contains("  > kplan_data.counted[1] moved to kplan_data.numbered[1]\n"), diff);
    assertFalse(diff.contains("+ kplan_data.numbered") || diff.contains("- kplan_data.counted"), diff);
    String history = kplan("", "state", "history", "-n", "1").out();
    assertTrue(history.matches("(?s).*\\n2 .* kplan apply +\\+0 ~0 -0 >2\n"), history);

    // rolling back past the move moves the objects back, and records that as moves too
    CliRun rollback = kplan("", "state", "rollback", "-auto-approve", "1");
    assertEquals(0, rollback.exitCode(), rollback.err());
    assertTrue(rollback.out().contains("  > kplan_data.numbered[0] moved to kplan_data.counted[0]\n"), rollback.out());
    assertTrue(kplan("", "state", "history", "-n", "1").out().contains("kplan state rollback 1  +0 ~0 -0 >2"));
    assertEquals("No differences between version 1 and version 3.\n", kplan("", "state", "diff", "1").out());
  }

  @Test
  void diffNeverShowsSensitiveValues() throws IOException {
    applied();
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG.replace("s3cr3t", "t0ps3cr3t"));
    assertEquals(0, kplan("", "apply", "-auto-approve").exitCode());
    CliRun r = kplan("", "state", "diff", "1");
    assertTrue(r.out().contains("  ~ kplan_data.secret\n"), r.out());
    assertTrue(r.out().contains("input: (sensitive value) -> (sensitive value)"), r.out());
    assertFalse(r.out().contains("s3cr3t"), r.out());
  }

  @Test
  void rollbackWritesANewVersionEqualToTheOldOneAfterApproval() throws IOException {
    applied();
    String v1 = kplan("", "state", "pull").out();
    assertEquals(0, kplan("", "state", "rm", "kplan_data.item").exitCode());
    CliRun cancelled = kplan("no\n", "state", "rollback", "1");
    assertEquals(1, cancelled.exitCode());
    assertTrue(cancelled.out().contains("  + kplan_data.item[\"a\"]\n  + kplan_data.item[\"b\"]\n"), cancelled.out());
    assertTrue(cancelled.out().contains("Rollback cancelled."), cancelled.out());
    assertFalse(kplan("", "state", "list").out().contains("kplan_data.item"));

    CliRun r = kplan("yes\n", "state", "rollback", "1");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("State rolled back to version 1 as new version 3."), r.out());
    assertEquals(v1.replace("\"serial\" : 1", "\"serial\" : 3"), kplan("", "state", "pull").out());
    assertTrue(kplan("", "plan").out().contains("No changes."));
    assertTrue(kplan("", "state", "history", "-n", "1").out().contains("kplan state rollback 1"));
  }

  @Test
  void pruneKeepsTheNewestVersionsWhichStillReadAsBefore() throws IOException {
    applied();
    assertEquals(0, kplan("", "state", "rm", "kplan_data.secret").exitCode());
    assertEquals(0, kplan("", "state", "rm", "kplan_data.counted[0]").exitCode());
    String v3 = kplan("", "state", "list", "-serial", "3").out();
    String v2 = kplan("", "state", "list", "-serial", "2").out();
    CliRun r = kplan("", "state", "prune", "--keep", "3");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Deleted 1 old version(s); kept versions 2 to 4."), r.out());
    assertEquals(v2, kplan("", "state", "list", "-serial", "2").out());
    assertEquals(v3, kplan("", "state", "list", "-serial", "3").out());
    assertEquals(v3, kplan("", "state", "list").out());
    CliRun gone = kplan("", "state", "list", "-serial", "1");
    assertEquals(1, gone.exitCode());
    assertTrue(gone.err().contains("versions are 2 to 4; older ones were pruned"), gone.err());
    assertTrue(kplan("", "state", "diff", "2").out().contains("  - kplan_data.counted[0]"));
  }

  @Test
  void verifyPassesAfterAForcedPushOfAnotherLineageARollbackAndAPrune() throws IOException {
    applied();
    assertEquals(0, kplan("", "state", "rm", "kplan_data.secret").exitCode());
    String v2 = kplan("", "state", "pull").out();
    String lineage = v2.replaceAll("(?s).*\"lineage\" : \"([^\"]+)\".*", "$1");
    String other = "00000000-0000-0000-0000-000000000000";
    Files.writeString(dir.resolve("other.json"), v2.replace(lineage, other).replace("\"hello\"", "\"pushed\""));
    CliRun forced = kplan("", "state", "push", "-force", "other.json");
    assertEquals(0, forced.exitCode(), forced.err());
    assertTrue(kplan("", "state", "pull").out().contains("\"lineage\" : \"" + other + "\""));
    assertVerifies(1, 3);

    CliRun rollback = kplan("", "state", "rollback", "-auto-approve", "1");
    assertEquals(0, rollback.exitCode(), rollback.err());
    assertVerifies(1, 4);

    CliRun prune = kplan("", "state", "prune", "--keep", "2");
    assertEquals(0, prune.exitCode(), prune.err());
    assertTrue(prune.out().contains("kept versions 4 to 5."), prune.out());
    assertVerifies(4, 5);
  }

  /** {@code state verify} succeeds and reports versions {@code first} to {@code last}, each ok. */
  void assertVerifies(long first, long last) {
    CliRun r = kplan("", "state", "verify");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    StringBuilder expected = new StringBuilder("(?s)");
    for (long serial = first; serial <= last; serial++) {
      expected.append(serial).append("  ok  sha256:[0-9a-f]{64}\n");
    }
    expected.append("All ").append(last - first + 1).append(" state versions at .* match their checksums\\.\n");
    assertTrue(r.out().matches(expected.toString()), r.out());
  }

  @Test
  void stateAloneListsEverySubcommandOnStandardErrorAndFails() {
    CliRun r = kplan("", "state");
    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    for (String sub : new String[] {"list", "show", "mv", "rm", "pull", "push", "history", "diff", "rollback", "prune",
        "verify", "migrate"}) {
      assertTrue(r.err().matches("(?s).*\\n  " + sub + "\\b.*"), sub + " missing from:\n" + r.err());
    }
  }

  @Test
  void mutatingCommandsFailCleanlyWhileTheStateIsLockedAndForceUnlockFreesIt() throws Exception {
    applied();
    String before = kplan("", "state", "pull").out();
    try (StateStore store = backend.open()) {
      StateStore.Lock held = store.lock("someone-else", "apply", Duration.ZERO);
      String id = held.info().id();
      for (String[] args : new String[][] {{"state", "rm", "kplan_data.secret"}, {"state", "mv", "kplan_data.secret",
          "kplan_data.x"}, {"state", "rollback", "-auto-approve", "1"}, {"state", "prune", "--keep", "1"}}) {
        CliRun r = kplan("", args);
        assertEquals(1, r.exitCode(), String.join(" ", args));
        assertTrue(r.err().contains("Error: Error acquiring the state lock"), r.err());
        assertTrue(r.err().contains("ID:        " + id), r.err());
      }
      assertEquals(0, kplan("", "state", "list").exitCode(), "reading needs no lock");
      CliRun wrong = kplan("", "force-unlock", "-force", "not-the-id");
      assertEquals(1, wrong.exitCode());
      assertTrue(wrong.err().contains("The state lock has ID " + id), wrong.err());
      CliRun declined = kplan("no\n", "force-unlock", id);
      assertEquals(1, declined.exitCode());
      assertTrue(declined.out().contains("Do you really want to force-unlock?"), declined.out());
      assertTrue(store.lockHolder().isPresent());
      CliRun unlocked = kplan("yes\n", "force-unlock", id);
      assertEquals(0, unlocked.exitCode(), unlocked.err());
      assertTrue(unlocked.out().contains("successfully unlocked"), unlocked.out());
      assertTrue(store.lockHolder().isEmpty());
    }
    assertEquals(before, kplan("", "state", "pull").out());
    assertEquals(0, kplan("", "state", "rm", "kplan_data.secret").exitCode());
  }

  @Test
  void commandsOnAFolderWithoutStateSayThereIsNone() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG.replace("module \"box\" {\n  source = \"./box\"\n}\n", ""));
    assertEquals("", kplan("", "state", "list").out());
    CliRun show = kplan("", "state", "show", "kplan_data.secret");
    assertEquals(1, show.exitCode());
    assertTrue(show.err().contains("Error: No state"), show.err());
    assertFalse(backend.exists(), "looking creates no state");
  }
}
