package dev.kplan.cli;

import dev.kplan.engine.version.KplanVersion;
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
    return KplanVersion.current();
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
