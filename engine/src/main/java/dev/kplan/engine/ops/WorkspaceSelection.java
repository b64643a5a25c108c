package dev.kplan.engine.ops;

import dev.kplan.state.StateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which workspace a working folder uses: {@code KPLAN_WORKSPACE} when set, else the one {@code
 * kplan workspace select} remembered in {@code .kplan/environment} (as Terraform's
 * {@code .terraform/environment}), else {@code default}.
 */
public final class WorkspaceSelection {
  public static final String VARIABLE = "KPLAN_WORKSPACE";

  public static final String DEFAULT = "default";

  private WorkspaceSelection() {}

  public static Path file(Path dir) {
    return dir.resolve(".kplan").resolve("environment");
  }

  /** The selected workspace's name. */
  public static String current(Path dir, Map<String, String> env) throws StateException {
    String fromEnv = env.get(VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    Path f = file(dir);
    if (!Files.isRegularFile(f)) {
      return DEFAULT;
    }
    try {
      String name = Files.readString(f, StandardCharsets.UTF_8).strip();
      return name.isEmpty() ? DEFAULT : name;
    } catch (IOException e) {
      throw new StateException("Cannot read the selected workspace from " + f + ": " + e.getMessage(), e);
    }
  }

  /** Whether the selection comes from {@code KPLAN_WORKSPACE} (then {@code select} cannot change it). */
  public static boolean fromEnvironment(Map<String, String> env) {
    String v = env.get(VARIABLE);
    return v != null && !v.isBlank();
  }

  /** Remembers {@code name} for {@code dir} ({@code default} removes the file). */
  public static void select(Path dir, String name) throws StateException {
    Path f = file(dir);
    try {
      if (name.equals(DEFAULT)) {
        Files.deleteIfExists(f);
      } else {
        Files.createDirectories(f.getParent());
        Files.writeString(f, name + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new StateException("Cannot record the selected workspace in " + f + ": " + e.getMessage(), e);
    }
  }
}
