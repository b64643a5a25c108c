package dev.kplan.state.jdbc;

import dev.kplan.state.StateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Who connects to a PostgreSQL state and with which password, as libpq decides: user and password
 * from the URL, else {@code PGUSER} (else the OS user) and {@code PGPASSWORD}, else the first
 * matching line of the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}:
 * {@code host:port:database:user:password}, {@code *} matches anything, {@code \} escapes).
 * The password is never part of a message.
 */
record PostgresLogin(String host, String port, String database, String user, String password) {
  @Override
  public String toString() {
    return "PostgresLogin[" + user + "@" + host + ":" + port + "/" + database + "]";
  }

  static PostgresLogin of(String url, Map<String, String> env) throws StateException {
    Properties p = org.postgresql.Driver.parseURL(url, new Properties());
    if (p == null || !isUri(url)) {
      throw new StateException("The state URL " + JdbcStateStore.redact(url) + " is not a valid PostgreSQL JDBC URL:"
          + " write jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME].");
    }
    String host = first(p.getProperty("PGHOST", "localhost"));
    String port = first(p.getProperty("PGPORT", "5432"));
    String database = p.getProperty("PGDBNAME", "");
    String user = nonEmpty(p.getProperty("user"), env.get("PGUSER"), System.getProperty("user.name"));
    String password = nonEmpty(p.getProperty("password"), env.get("PGPASSWORD"));
    if (password == null) {
      password = fromPassFile(passFile(env), host, port, database, user);
    }
    return new PostgresLogin(host, port, database, user, password);
  }

  private static boolean isUri(String url) {
    try {
      new java.net.URI(url.substring("jdbc:".length()));
      return true;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Path passFile(Map<String, String> env) {
    String explicit = env.get("PGPASSFILE");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit);
    }
    String home = nonEmpty(env.get("HOME"), System.getProperty("user.home"));
    return home == null ? null : Path.of(home, ".pgpass");
  }

  static String fromPassFile(Path file, String host, String port, String database, String user) throws StateException {
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new StateException("Cannot read the PostgreSQL password file " + file + ": " + e.getMessage(), e);
    }
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> f = fields(line);
      if (f.size() == 5 && matches(f.get(0), host) && matches(f.get(1), port) && matches(f.get(2), database)
          && matches(f.get(3), user)) {
        return f.get(4);
      }
    }
    return null;
  }

  private static List<String> fields(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
      } else if (ch == ':' && out.size() < 4) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    out.add(field.toString());
    return out;
  }

  private static boolean matches(String pattern, String value) {
    return pattern.equals("*") || pattern.equals(value);
  }

  private static String first(String hosts) {
    int comma = hosts.indexOf(',');
    return comma < 0 ? hosts : hosts.substring(0, comma);
  }

  private static String nonEmpty(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }
}
