package dev.kplan.cli;

import dev.kplan.engine.planfile.PlanFile;
import dev.kplan.engine.planfile.PlanFileFormat;
import dev.kplan.engine.version.KplanVersion;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Reading and writing plan files on disk (the format is the engine's {@link PlanFileFormat}). */
final class PlanFiles {
  private PlanFiles() {}

  /**
   * Writes {@code plan} to {@code file}, readable by its owner only where the file system knows
   * permissions (a plan holds sensitive values in clear, as the state does); replaced at once, so
   * a reader never sees half a plan.
   */
  static void write(Path file, PlanFile plan) throws IOException {
    byte[] bytes = PlanFileFormat.write(plan, KplanVersion.current());
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".kplan-plan", ".tmp");
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The plan in {@code file} ({@code shown} is how the user named it), or why it cannot be used. */
  static PlanFileFormat.ReadResult read(Path file, String shown) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new PlanFileFormat.ReadResult(null, Diagnostics.of(Diagnostic.error("Failed to read the plan file",
          "The plan file \"" + shown + "\" could not be read: " + (Files.exists(file) ? e.getMessage()
              : "no such file") + ".", null)));
    }
    return PlanFileFormat.read(bytes, shown, KplanVersion.current());
  }
}
