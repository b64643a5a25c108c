package dev.kplan.provider.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers (and a crash) see either the old or the new content: a temporary
 * file beside the target ({@code .NAME.kplan-tmp}), flushed to disk, then a rename. Modes are
 * given at creation, so the process umask applies as with the Go providers' {@code os.WriteFile}/{@code os.MkdirAll}.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  static void write(Path target, byte[] content, String fileMode, String dirMode) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        createDirectories(dir, PosixFilePermissions.asFileAttribute(mode(dirMode)));
      } else {
        Files.createDirectories(dir);
      }
    }
    // A fixed name beside the target, not a random one: a temporary file left by a crash is
    // taken over and renamed by the next write of the same target, so no stray file outlives it.
    Path temp = dir.resolve("." + target.getFileName() + ".kplan-tmp");
    Files.deleteIfExists(temp);
    if (posix) {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(mode(fileMode)));
    } else {
      Files.createFile(temp);
    }
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true); // the rename must never expose a file whose bytes are not on disk yet
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  // Files.createDirectories applies the attribute only to the last directory; each missing parent gets the mode here
  private static void createDirectories(Path dir, FileAttribute<Set<PosixFilePermission>> attr) throws IOException {
    Path parent = dir.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      createDirectories(parent, attr);
    }
    try {
      Files.createDirectory(dir, attr);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /** "0644" or "644" → the POSIX permission set. */
  static Set<PosixFilePermission> mode(String octal) {
    int bits = Integer.parseInt(octal, 8);
    StringBuilder rwx = new StringBuilder();
    String letters = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      rwx.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
    }
    return PosixFilePermissions.fromString(rwx.toString());
  }

  /** Whether {@code text} is a mode the local provider accepts: 3 or 4 octal digits, at most 0777. */
  static boolean validMode(String text) {
    return text.matches("[0-7]{3,4}") && Integer.parseInt(text, 8) <= 0777;
  }
}
