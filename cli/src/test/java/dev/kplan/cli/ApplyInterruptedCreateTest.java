package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.Intent;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The intent journal against a real crash in the one window it exists for: a real {@code kplan
 * apply} process dies hard (the test hook {@code KPLAN_TEST_CRASH_AFTER_CREATE}: {@code
 * Runtime.halt}, as {@code kill -9}) right after a provider created a file and before the state
 * recorded it, 20 times on one folder and state; each time a real {@code kplan plan} follows. Every
 * file on disk must then be in the state (an orphan is a file kplan made that its state does not
 * know), the plan must say it found the one created by the interrupted apply, and the journal must
 * be empty.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ApplyInterruptedCreateTest {
  private static final int FILES = 8;
  private static final int ROUNDS = 20;
  private static final Pattern HALTED = Pattern.compile("halting after creating (local_file\\.f\\[\\d+])");
  private static final int HALT_STATUS = 86;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aCrashBetweenCreateAndStateWriteLeavesNoOrphanAfterTheNextPlan() throws Exception {
    Random random = new Random(20261125L);
    Path stateFile = JdbcStateStore.defaultFile(dir);
    int orphans = 0;
    int adopted = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      writeConfig(round);
      // each round changes every file's content: all of them are replaced (or created), so there are FILES creates
      int haltAfter = 1 + random.nextInt(FILES);
      String halted;
      String applyOutput;
      try (ChildJvm apply = ChildJvm.start(Map.of("KPLAN_TEST_CRASH_AFTER_CREATE", "#" + haltAfter), Main.class,
          "-chdir=" + dir, "-no-color", "apply", "-auto-approve")) {
        int exit = apply.finish();
        assertEquals(HALT_STATUS, exit, "round " + round + ": the apply did not halt in the window:\n" + apply.output());
        Matcher m = HALTED.matcher(apply.output());
        assertTrue(m.find(), apply.output());
        halted = m.group(1);
        applyOutput = apply.output();
      }
      String where = "round " + round + " (halted after creating " + halted + "): ";
      assertTrue(Files.exists(dir.resolve("out/f" + index(halted) + ".txt")), where + "the file was not created");

      try (ChildJvm plan = ChildJvm.start(Map.of(), Main.class, "-chdir=" + dir, "-no-color", "plan")) {
        int exit = plan.finish();
        assertEquals(0, exit, where + plan.output());
        if (!plan.output().contains("found " + halted + " created by an interrupted apply")) {
          throw new AssertionError(where + "the plan did not adopt it.\n--- plan\n" + plan.output()
              + "\n--- state history\n" + history() + "\n--- halted apply\n" + applyOutput);
        }
        adopted += (int) plan.output().lines().filter(l -> l.contains("created by an interrupted apply")).count();
      }

      // the state as a separate kplan process reads it (every process in this test is one, as in real use)
      Map<String, JsonNode> stored = pull(where);
      List<String> lost = orphans(stored);
      orphans += lost.size();
      assertEquals(List.of(), lost, where + "files on disk that the state does not hold");
      assertEquals(content(index(halted), round), stored.get(halted).get("content").asString(),
          where + "the adopted object is not the file the interrupted apply wrote");
    }
    assertEquals(List.of(), openIntents(stateFile), "the plans left intents open");
    System.out.printf("ApplyInterruptedCreateTest: %d applies halted between create and state write, %d objects"
        + " adopted by the next plan, orphans found: %d%n", ROUNDS, adopted, orphans);
    assertEquals(0, orphans);

    CliRun converge = CliRun.in(dir, "apply", "-auto-approve");
    assertEquals(0, converge.exitCode(), converge.out() + converge.err());
    CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    for (int i = 0; i < FILES; i++) {
      assertEquals(content(i, ROUNDS), Files.readString(dir.resolve("out/f" + i + ".txt")));
    }
  }

  @Test
  void anObjectTheInterruptedApplyLeftButThatIsGoneIsPlannedAsUsual() throws Exception {
    writeConfig(1);
    try (ChildJvm apply = ChildJvm.start(Map.of("KPLAN_TEST_CRASH_AFTER_CREATE", "local_file.f[3]"), Main.class,
        "-chdir=" + dir, "-no-color", "apply", "-auto-approve", "-parallelism=1")) {
      assertEquals(HALT_STATUS, apply.finish(), apply.output());
    }
    Files.delete(dir.resolve("out/f3.txt"));
    CliRun plan = CliRun.in(dir, "plan", "-json");
    assertEquals(0, plan.exitCode(), plan.err());
    JsonNode doc = JSON.readTree(plan.out());
    JsonNode found = doc.get("interrupted_creates");
    assertEquals(1, found.size(), plan.out());
    assertEquals("local_file.f[3]", found.get(0).get("address").asString());
    assertEquals("not_found", found.get(0).get("outcome").asString());
    boolean creates = false;
    for (JsonNode c : doc.get("resource_changes")) {
      if (c.get("address").asString().equals("local_file.f[3]")) {
        creates = c.get("change").get("actions").toString().equals("[\"create\"]");
      }
    }
    assertTrue(creates, plan.out());
    assertEquals(List.of(), openIntents(JdbcStateStore.defaultFile(dir)));
  }

  @Test
  void aFileCreatedAgainAfterItWasDeletedByHandIsAdoptedInPlaceOfTheStoredOne() throws Exception {
    writeConfig(1);
    CliRun first = CliRun.in(dir, "apply", "-auto-approve");
    assertEquals(0, first.exitCode(), first.out() + first.err());
    Files.delete(dir.resolve("out/f3.txt")); // the state still holds f[3]: the next apply's refresh finds it gone
    try (ChildJvm apply = ChildJvm.start(Map.of("KPLAN_TEST_CRASH_AFTER_CREATE", "local_file.f[3]"), Main.class,
        "-chdir=" + dir, "-no-color", "apply", "-auto-approve")) {
      assertEquals(HALT_STATUS, apply.finish(), apply.output());
      assertTrue(apply.output().contains("local_file.f[3] has been deleted"), apply.output());
    }
    CliRun plan = CliRun.in(dir, "plan", "-json");
    assertEquals(0, plan.exitCode(), plan.err());
    JsonNode doc = JSON.readTree(plan.out());
    assertEquals("adopted", doc.get("interrupted_creates").get(0).get("outcome").asString(), plan.out());
    for (JsonNode c : doc.get("resource_changes")) {
      assertEquals("[\"no-op\"]", c.get("change").get("actions").toString(), c.toString());
    }
    assertEquals(List.of(), openIntents(JdbcStateStore.defaultFile(dir)));
  }

  private void writeConfig(int round) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        resource "local_file" "f" {
          count    = %d
          filename = "out/f${count.index}.txt"
          content  = "file ${count.index} round %d\\n"
        }
        """.formatted(FILES, round));
  }

  private static String content(int i, int round) {
    return "file " + i + " round " + round + "\n";
  }

  private String history() throws Exception {
    try (ChildJvm h = ChildJvm.start(Map.of(), Main.class, "-chdir=" + dir, "-no-color", "state", "history")) {
      h.finish();
      return h.output();
    }
  }

  /** The stored objects' attributes by address, from {@code kplan state pull} run as a process of its own. */
  private Map<String, JsonNode> pull(String where) throws Exception {
    String json;
    try (ChildJvm pull = ChildJvm.start(Map.of(), Main.class, "-chdir=" + dir, "-no-color", "state", "pull")) {
      int exit = pull.finish();
      assertEquals(0, exit, where + pull.output());
      json = pull.output();
    }
    Map<String, JsonNode> out = new java.util.TreeMap<>();
    for (JsonNode r : JSON.readTree(json.substring(json.indexOf('{'))).get("resources")) {
      for (JsonNode i : r.get("instances")) {
        out.put(r.get("type").asString() + "." + r.get("name").asString() + "[" + i.get("index_key").asInt() + "]",
            i.get("attributes"));
      }
    }
    return out;
  }

  /** Files kplan wrote (temporary files of a write cut short aside) whose address the state does not hold. */
  private List<String> orphans(Map<String, JsonNode> stored) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".kplan-tmp")) {
          continue; // not an object: the next write of its target takes it over
        }
        String address = "local_file.f[" + name.substring(1, name.length() - ".txt".length()) + "]";
        JsonNode attributes = stored.get(address);
        if (attributes == null || !("out/" + name).equals(attributes.get("filename").asString())) {
          out.add(name);
        }
      }
    }
    return out;
  }

  private static List<Intent> openIntents(Path stateFile) throws Exception {
    try (JdbcStateStore store = JdbcStateStore.h2(stateFile)) {
      return store.intents();
    }
  }

  private static int index(String address) {
    return Integer.parseInt(address.substring("local_file.f[".length(), address.length() - 1));
  }

}
