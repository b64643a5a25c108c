package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.ops.OperationOptions;
import dev.kplan.engine.ops.OperationResult;
import dev.kplan.engine.ops.Operations;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Crash safety of apply: a real kplan process applying 200 files is killed with {@code kill -9}
 * at a pseudo-random point, 20 times on the same folder and state. Each round changes every
 * file's content, so an apply replaces files it created before (delete, then create) as well as
 * creating those an earlier killed apply never reached. After each kill the state must open in
 * every version and tell the truth: what it holds exists (or is planned to be created again),
 * with the content it records or, where killed applies removed and rewrote the file without
 * recording either, with content the plan reads back by refreshing; what exists is in it or is
 * planned as a create of the same file (with the same content when the killed apply wrote it, with
 * this round's content when an earlier round's apply wrote it); and every change the killed
 * process reported complete is in it. Then a final apply converges to "No changes.".
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ApplyCrashTest {
  private static final int FILES = 200;
  private static final int ROUNDS = 20;
  private static final Pattern COMPLETE = Pattern.compile("^(local_file\\.f\\[\\d+]): (Creation|Destruction) complete");

  /** One killed round with its checks takes seconds; the final apply and plan about as long as a round. */
  private static final Duration STEP = Duration.ofMinutes(3);

  @TempDir Path dir;
  private ChildJvm child;
  private int idempotentCreates;
  private int adoptingCreates;
  private int refreshed;

  @Test
  void applyKilledAtRandomPointsLeavesAStateThatTellsTheTruthAndConverges() throws Exception {
    Random random = new Random(20261125L);
    Path stateFile = JdbcStateStore.defaultFile(dir);
    long started = System.nanoTime();
    for (int round = 1; round <= ROUNDS; round++) {
      int r = round;
      // every round replaces or creates all 200 files: at least 200 "complete" lines, so N always falls inside the apply
      int killAfter = 1 + random.nextInt(FILES);
      bounded("the killed apply of round " + r + " and the checks after it", () -> killedRound(r, killAfter, stateFile));
    }
    long killedRounds = System.nanoTime() - started;

    bounded("the final apply and plan", () -> {
      CliRun converge = CliRun.run("", "-chdir=" + dir, "-no-color", "apply", "-auto-approve");
      assertEquals(0, converge.exitCode(), converge.err());
      CliRun plan = CliRun.run("", "-chdir=" + dir, "-no-color", "plan", "-detailed-exitcode");
      assertEquals(0, plan.exitCode(), plan.out() + plan.err());
      assertTrue(plan.out().contains("No changes."), plan.out());
    });
    for (int i = 0; i < FILES; i++) {
      assertEquals(content(i, ROUNDS), Files.readString(dir.resolve("out/f" + i + ".txt")));
    }
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertEquals(FILES, files.count(), "no temporary file outlives the apply that finished its target");
    }
    System.out.printf("ApplyCrashTest: %d killed applies and their checks in %d s; unrecorded files: %d to be"
        + " written again with the same content, %d with this round's; %d recorded files rewritten unrecorded%n",
        ROUNDS, TimeUnit.NANOSECONDS.toSeconds(killedRounds), idempotentCreates, adoptingCreates, refreshed);
  }

  private void killedRound(int round, int killAfter, Path stateFile) throws Exception {
    writeConfig(round);
    Set<String> createdBeforeKill = new HashSet<>();
    try (ChildJvm apply = ChildJvm.start(Map.of(), Main.class, "-chdir=" + dir, "-no-color", "apply",
        "-auto-approve")) {
      child = apply;
      int completed = 0;
      while (completed < killAfter) {
        Matcher m = COMPLETE.matcher(apply.expect(" complete after "));
        if (m.find()) {
          completed++;
          if (m.group(2).equals("Creation")) {
            createdBeforeKill.add(m.group(1));
          }
        }
      }
      apply.kill();
      apply.finish();
      // lines it wrote before dying but that were not read yet report changes it recorded too
      Matcher more = COMPLETE.matcher("");
      for (String line : apply.output().split("\n")) {
        if (more.reset(line).find() && more.group(2).equals("Creation")) {
          createdBeforeKill.add(more.group(1));
        }
      }
    }
    checkConsistent(round, stateFile, createdBeforeKill);
  }

  /**
   * Runs one step within {@link #STEP}, so that a hang (a kplan that never finishes on a state left
   * by a killed one) fails the test with the step's name instead of holding CI until its limit.
   */
  private void bounded(String step, Executable body) {
    assertTimeoutPreemptively(STEP, body, () -> step + " did not finish within " + STEP.toSeconds() + " s: kplan hangs"
        + " on the state left by the killed apply (a thread dump of the test JVM shows where)");
  }

  @AfterEach
  void stopChild() {
    if (child != null) {
      child.close(); // a child still running after a failed step must not outlive the test
    }
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

  private void checkConsistent(int round, Path stateFile, Set<String> createdBeforeKill) throws Exception {
    String where = "after the kill in round " + round + ": ";
    Map<String, String> stored = new HashMap<>();
    try (JdbcStateStore store = JdbcStateStore.h2(stateFile)) {
      StateSnapshot state = store.read();
      for (long serial = 1; serial <= state.serial(); serial++) {
        store.readVersion(serial); // every version still opens
      }
      assertEquals(state.serial(), store.history().size(), where + "one history entry per version");
      for (ResourceInstance ri : state.resources().values()) {
        stored.put(ri.address(), attribute(ri, "content"));
        assertEquals("out/f" + index(ri.address()) + ".txt", attribute(ri, "filename"), where + ri.address());
      }
    }
    for (String address : createdBeforeKill) {
      assertEquals(content(index(address), round), stored.get(address),
          where + address + " was reported created but the state does not hold it");
    }

    OperationResult planned = new Operations().plan(dir, OperationOptions.DEFAULT.withLockTimeout(Duration.ofSeconds(30)));
    assertFalse(planned.hasErrors(), where + planned.diagnostics());
    // the plan first adopts what the killed apply created without recording it (the intent journal)
    planned.state().resources().values().forEach(ri -> stored.put(ri.address(), attribute(ri, "content")));
    Map<String, ResourceChange> changes = new HashMap<>();
    for (ResourceChange c : planned.plan().changes()) {
      changes.put(c.address().toString(), c);
    }

    // every file kplan wrote is in the state with that content, or planned as a create of that same file
    Path out = dir.resolve("out");
    List<Path> onDisk;
    try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
      onDisk = files.toList();
    }
    for (Path file : onDisk) {
      String name = file.getFileName().toString();
      Matcher tmp = Pattern.compile("^\\.(f\\d+\\.txt)\\.kplan-tmp$").matcher(name);
      if (tmp.matches()) {
        // a write cut short: the next write of its target takes the temporary file over
        String target = addressOf(tmp.group(1));
        assertTrue(creates(changes.get(target)), where + name + " is left over but " + target + " is not to be created");
        continue;
      }
      assertTrue(name.matches("f\\d+\\.txt"), where + "unexpected file " + name);
      String address = addressOf(name);
      String text = Files.readString(file);
      int index = index(address);
      assertTrue(IntStream.rangeClosed(1, round).anyMatch(r -> text.equals(content(index, r))),
          where + name + " has content no configuration applied here would write: " + text);
      ResourceChange c = changes.get(address);
      if (stored.containsKey(address)) {
        if (!stored.get(address).equals(text)) {
          // a killed apply deleted the recorded file without recording that, and the next one wrote it again and was
          // killed before recording it: the state still names this very file (local_file's identity is its
          // filename), and refreshing reads what it holds now, so the plan starts from the truth
          assertEquals(text, attribute(c.before(), "content"), where + address + ": the plan does not see the file as it is");
          refreshed++;
        }
      } else {
        assertTrue(creates(c), where + name + " exists, is not in the state and is not planned to be created");
        if (text.equals(attribute(c.after(), "content"))) {
          idempotentCreates++; // written by the killed apply before it could record it: creating it again changes nothing
        } else {
          // written by an earlier round's killed apply, whose configuration had other content: the planned create
          // writes this same file, so nothing is left behind
          adoptingCreates++;
        }
      }
    }
    // every object in the state exists, or is planned to be created again
    for (Map.Entry<String, String> e : stored.entrySet()) {
      Path file = dir.resolve("out/f" + index(e.getKey()) + ".txt");
      if (!Files.exists(file)) {
        assertTrue(creates(changes.get(e.getKey())), where + e.getKey() + " is in the state, its file is gone"
            + " and the plan does not create it");
      }
    }
    // and the plan brings all 200 files to this round's content
    for (int i = 0; i < FILES; i++) {
      ResourceChange c = changes.get("local_file.f[" + i + "]");
      assertNotNull(c, where + "no change planned for f[" + i + "]");
      assertEquals(content(i, round), attribute(c.after(), "content"), where + c.address());
    }
  }

  private static boolean creates(ResourceChange c) {
    return c != null && (c.action() == Action.CREATE || c.action().isReplace());
  }

  private static String addressOf(String fileName) {
    return "local_file.f[" + fileName.substring(1, fileName.length() - ".txt".length()) + "]";
  }

  private static int index(String address) {
    assertTrue(address.matches("local_file\\.f\\[\\d+]"), "unexpected address " + address);
    return Integer.parseInt(address.substring("local_file.f[".length(), address.length() - 1));
  }

  private static String attribute(Value v, String name) {
    Value a = ((ObjectValue) ValueMarks.unmarkDeep(v)).get(name);
    return a instanceof StringValue s ? s.value() : null;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String attribute(ResourceInstance ri, String name) {
    JsonNode n = JSON.readTree(ri.attributesJson()).get(name);
    return n == null || n.isNull() ? null : n.asString();
  }
}
