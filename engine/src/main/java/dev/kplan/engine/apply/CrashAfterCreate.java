package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ResourceAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook, and nothing else: it makes the process die at once ({@link Runtime#halt}: no
 * shutdown hooks, no finally blocks, as {@code kill -9}) right after a provider's create returned
 * and before its result is written to the state, the one window the intent journal exists for.
 * Tests set the system property {@value #PROPERTY} or the environment variable {@value #ENV} to an
 * instance address ({@code local_file.a["x"]}: halt after creating it) or to {@code #N} (halt after
 * the N-th create of the process). Unset, it does nothing.
 */
final class CrashAfterCreate {
  static final String PROPERTY = "kplan.test.crashAfterCreate";
  static final String ENV = "KPLAN_TEST_CRASH_AFTER_CREATE";
  /** The exit status of a halt, so that a test tells it from any other end. */
  static final int STATUS = 86;

  private static final String SETTING = setting();
  private static final AtomicInteger CREATES = new AtomicInteger();

  private CrashAfterCreate() {}

  private static String setting() {
    String p = System.getProperty(PROPERTY);
    String v = p != null && !p.isBlank() ? p : System.getenv(ENV);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** Called after each create that made an object, before anything is recorded. */
  static void created(ResourceAddress address) {
    if (SETTING == null) {
      return;
    }
    int n = CREATES.incrementAndGet();
    boolean halt = SETTING.startsWith("#") ? SETTING.equals("#" + n) : SETTING.equals(address.toString());
    if (halt) {
      System.err.println("kplan: test hook " + ENV + ": halting after creating " + address);
      System.err.flush();
      Runtime.getRuntime().halt(STATUS);
    }
  }
}
