package dev.kplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kplan version}: prints kplan's version and the Java runtime it runs on. */
@Command(name = "version", description = "Show the kplan version.")
public final class VersionCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    for (String line : new Provider().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionCommand.class.getResourceAsStream("/kplan-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown": a missing resource only affects the banner
    }
    return p.getProperty("version", "unknown");
  }

  /** Supplies {@code kplan --version} with the same text. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "kplan v" + version(), "on Java " + System.getProperty("java.version")
      };
    }
  }
}
