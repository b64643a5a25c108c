package dev.kplan.provider.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where relative file names point: the provider's {@code base_dir}. A JVM cannot change its working
 * directory, so the engine passes the module folder (the CLI's {@code -chdir}) instead.
 */
record Workspace(Path baseDir) {
  Workspace {
    Objects.requireNonNull(baseDir, "baseDir is null");
    baseDir = baseDir.toAbsolutePath().normalize();
  }

  static Workspace current() {
    return new Workspace(Path.of(System.getProperty("user.dir")));
  }

  Path resolve(String filename) {
    return baseDir.resolve(filename);
  }
}
