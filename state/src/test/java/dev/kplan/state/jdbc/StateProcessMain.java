package dev.kplan.state.jdbc;

import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateLockedException;
import dev.kplan.state.StateStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A second kplan process for the multi-process tests, on an H2 FILE or a JDBC URL. Modes:
 * {@code hold FILE OWNER} takes the lock, prints {@code LOCKED id}, releases when stdin says so;
 * {@code try FILE OWNER MILLIS} takes the lock within MILLIS, prints {@code LOCKED} or {@code HELD-BY message};
 * {@code record FILE N} locks, begins, records N resources printing {@code RECORDED i}, then waits to be killed;
 * {@code interrupted-commit FILE} records {@code local_file.f1} in version 1, prints {@code SERVING}, waits for a
 * line, then dies in the middle of committing a change of f1 in version 2 ({@link H2Interruption}), printing
 * {@code DYING} just before.
 */
public final class StateProcessMain {
  private StateProcessMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (StateStore store = args[1].startsWith("jdbc:") ? JdbcStateStore.of(args[1], null, null)
        : JdbcStateStore.h2(Path.of(args[1]))) {
      switch (mode) {
        case "hold" -> {
          try (StateStore.Lock lock = store.lock(args[2], "apply", Duration.ofSeconds(30))) {
            say("LOCKED " + lock.info().id());
            in.readLine();
          }
          say("RELEASED");
        }
        case "try" -> {
          try (StateStore.Lock lock = store.lock(args[2], "plan", Duration.ofMillis(Long.parseLong(args[3])))) {
            say("LOCKED " + lock.info().id());
          } catch (StateLockedException e) {
            say("HELD-BY " + e.getMessage());
          }
        }
        case "record" -> {
          StateStore.Lock lock = store.lock("child@test", "apply", Duration.ofSeconds(30));
          lock.begin("child@test", "apply");
          int n = Integer.parseInt(args[2]);
          for (int i = 1; i <= n; i++) {
            lock.record(new StateChange.Put(new ResourceInstance("local_file.f" + i, "provider.local", 0,
                "{\"id\":\"" + i + "\"}", "[]", List.of(), false, null)));
            say("RECORDED " + i);
          }
          in.readLine();
          Thread.sleep(Long.MAX_VALUE);
        }
        case "interrupted-commit" -> {
          StateStore.Lock lock = store.lock("child@test", "apply", Duration.ofSeconds(30));
          lock.begin("child@test", "apply");
          lock.record(new StateChange.Put(file1("before")));
          lock.commit();
          lock.begin("child@test", "apply");
          say("SERVING");
          in.readLine();
          JdbcStateStore jdbc = (JdbcStateStore) store;
          try (java.sql.Connection c = jdbc.connection()) {
            c.setAutoCommit(false);
            JdbcLock.putResource(c, JdbcStateStore.latestSerial(c), file1("after"));
            say("DYING");
            H2Interruption.dieMidCommit(c);
          }
        }
        default -> throw new IllegalArgumentException(mode);
      }
    }
    System.exit(0);
  }

  /** The object the interrupted-commit mode records, its {@code content} attribute set to {@code content}. */
  static ResourceInstance file1(String content) {
    return new ResourceInstance("local_file.f1", "provider.local", 0, "{\"id\":\"1\",\"content\":\"" + content + "\"}",
        "[]", List.of(), false, null);
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
