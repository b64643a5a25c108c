package dev.kplan.state.jdbc;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This process as a lock holder: host and pid. A lock row whose host is this host and whose pid
 * names no live process was left by a process that died, and may be cleared.
 */
record Holder(String host, long pid) {
  static final Holder CURRENT = new Holder(localHost(), ProcessHandle.current().pid());

  /** Whether this process can tell for sure that the holder process no longer exists. */
  boolean isDeadFrom(Holder observer) {
    if (!host.equals(observer.host)) {
      return false; // another machine: only force-unlock can clear it
    }
    if (pid == observer.pid) {
      return false;
    }
    return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
