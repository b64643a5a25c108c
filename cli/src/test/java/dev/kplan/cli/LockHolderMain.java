package dev.kplan.cli;

import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Another process holding a state's lock, as a long apply would: {@code FILE OWNER OPERATION}
 * takes the lock, prints {@code LOCKED id created}, and releases it when a line arrives on stdin.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (StateStore store = JdbcStateStore.h2(Path.of(args[0]))) {
      try (StateStore.Lock lock = store.lock(args[1], args[2], Duration.ofSeconds(30))) {
        System.out.println("LOCKED " + lock.info().id() + " " + lock.info().created());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      }
    }
    System.out.println("RELEASED");
    System.out.flush();
    System.exit(0);
  }
}
