package dev.kplan.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.state.StateLockedException;
import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive apply: one plan, approved, carried out in the same operation. */
class PlanThenApplyTest {
  @TempDir Path dir;

  final Operations ops = new Operations();
  final OperationOptions options = OperationOptions.DEFAULT.withWho("alice@test");

  static final String FILES = """
      resource "local_file" "cfg" {
        for_each = toset(["a", "b", "c"])
        filename = "out/${each.key}.txt"
        content  = "value ${each.key}\\n"
      }
      """;

  void write(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
  }

  static String text(OperationResult r) {
    return r.diagnostics().items().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void theApprovedPlanIsTheOneApplied() throws IOException {
    write(FILES);
    List<OperationResult> seen = new ArrayList<>();
    ApprovedApply run = ops.planThenApply(dir, options, planned -> seen.add(planned));
    assertTrue(run.wasApplied());
    assertFalse(run.applied().hasErrors(), text(run.applied()));
    assertEquals(1, seen.size());
    assertSame(seen.get(0), run.planned());
    assertSame(run.planned().plan(), run.applied().plan());
    assertEquals(List.of(Action.CREATE, Action.CREATE, Action.CREATE),
        run.planned().plan().changes().stream().map(ResourceChange::action).toList());
    assertEquals(3, run.applied().state().resources().size());
    assertEquals(run.planned().plan().priorSerial() + 1, run.applied().state().serial());
    assertEquals("value b\n", Files.readString(dir.resolve("out/b.txt")));
  }

  @Test
  void aDeclinedPlanChangesNothing() throws IOException {
    write(FILES);
    ApprovedApply run = ops.planThenApply(dir, options, planned -> false);
    assertFalse(run.wasApplied());
    assertNull(run.applied());
    assertEquals(3, run.planned().plan().changes().size());
    assertFalse(Files.exists(dir.resolve("out/a.txt")));
    OperationResult after = ops.plan(dir, options);
    assertEquals(0, after.state().resources().size());
    assertEquals(run.planned().state().serial(), after.state().serial());
  }

  @Test
  void theStateStaysLockedWhileTheApprovalIsAsked() throws IOException {
    write(FILES);
    List<String> holders = new ArrayList<>();
    ApprovedApply run = ops.planThenApply(dir, options, planned -> {
      try (StateStore other = JdbcStateStore.h2(JdbcStateStore.defaultFile(dir))) {
        StateLockedException e = assertThrows(StateLockedException.class,
            () -> other.lock("bob@elsewhere", "apply", Duration.ZERO).close());
        holders.add(e.holder().owner());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return true;
    });
    assertEquals(List.of("alice@test"), holders);
    assertFalse(run.applied().hasErrors(), text(run.applied()));
  }

  @Test
  void aPlanWithErrorsIsNotOfferedForApproval() throws IOException {
    write("""
        resource "local_file" "f" {
          filename = var.missing
          content  = "x"
        }
        """);
    List<OperationResult> seen = new ArrayList<>();
    ApprovedApply run = ops.planThenApply(dir, options, planned -> seen.add(planned));
    assertTrue(seen.isEmpty());
    assertFalse(run.wasApplied());
    assertTrue(run.planned().hasErrors());
  }
}
