package dev.kplan.engine.version;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of kplan that is running, as the build stamped it. */
public final class KplanVersion {
  private static final String CURRENT = load();

  private KplanVersion() {}

  /** E.g. {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}; {@code unknown} when the build did not stamp it. */
  public static String current() {
    return CURRENT;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = KplanVersion.class.getResourceAsStream("kplan-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // a missing resource only leaves the version unknown
    }
    String v = p.getProperty("version", "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }
}
