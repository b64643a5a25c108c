package dev.kplan.state.jdbc;

/**
 * The databases the store runs on. The schema and every statement are the same on both; the one
 * difference is how a lock's holder is known to be alive: on H2 (one machine) by its host and pid,
 * on PostgreSQL (many machines) by a session-level advisory lock the holder keeps ({@link SessionLock}).
 */
enum Dialect {
  H2,
  POSTGRESQL;

  static Dialect of(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
  }
}
