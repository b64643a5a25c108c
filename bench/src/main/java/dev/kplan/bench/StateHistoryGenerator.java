package dev.kplan.bench;

import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Writes the state of the {@code state list}/{@code state show} benchmark (docs/benchmarks.md):
 * {@code local_file.f[i]} for i below OBJECTS in version 1, then VERSIONS - 1 versions that each
 * change 50 objects, every change recorded as an apply records it (one committed transaction each).
 * Usage: {@code java -cp bench/target/benchmarks.jar dev.kplan.bench.StateHistoryGenerator STATE_FILE
 * [OBJECTS [VERSIONS]]}, defaults 10,000 and 200.
 */
public final class StateHistoryGenerator {
  private static final int CHANGED_PER_VERSION = 50;

  private StateHistoryGenerator() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: StateHistoryGenerator STATE_FILE [OBJECTS [VERSIONS]]");
      System.exit(2);
    }
    int objects = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int versions = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    try (JdbcStateStore store = JdbcStateStore.h2(Path.of(args[0]))) {
      for (int v = 1; v <= versions; v++) {
        try (StateStore.Lock lock = store.lock("bench", "apply", Duration.ofSeconds(5))) {
          lock.begin("bench", "apply");
          if (v == 1) {
            for (int i = 0; i < objects; i++) {
              lock.record(new StateChange.Put(file(i, v)));
            }
          } else {
            for (int k = 0; k < CHANGED_PER_VERSION; k++) {
              lock.record(new StateChange.Put(file((v * CHANGED_PER_VERSION + k) % objects, v)));
            }
          }
          lock.commit();
        }
      }
    }
  }

  /** A local_file as the local provider stores it, its content and id naming the version that wrote it. */
  static ResourceInstance file(int i, int version) {
    String attributes = "{\"content\":\"content of file " + i + " version " + version + "\\n\","
        + "\"content_base64sha256\":\"x\",\"content_md5\":\"y\",\"file_permission\":\"0644\","
        + "\"directory_permission\":\"0777\",\"filename\":\"out/f" + i + ".txt\",\"id\":\"id" + i + "v" + version + "\"}";
    return new ResourceInstance("local_file.f[" + i + "]", "provider.local", 0, attributes, "[]", List.of(), false, null);
  }
}
