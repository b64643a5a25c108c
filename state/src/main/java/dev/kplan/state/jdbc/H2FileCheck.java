package dev.kplan.state.jdbc;

import dev.kplan.state.StateException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A look at an H2 file before H2 opens it. H2 opens a truncated file by falling back to the newest
 * chunk that is still whole, that is to an older state, and then writes to it: kplan would silently
 * forget resources that exist. So a file that is visibly cut short (not whole 4 KiB blocks, or
 * ending before the chunk its header points to) is refused before H2 touches it. A file another
 * process has open (its {@code .lock.db} exists) is changing under us and is left to H2.
 */
final class H2FileCheck {
  private static final int BLOCK = 4096;

  private H2FileCheck() {}

  static void check(Path dbFile, Path lockFile) throws StateException {
    if (!Files.exists(dbFile) || Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dbFile, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        throw damaged(dbFile, "it is empty");
      }
      if (size % BLOCK != 0 || size < 2L * BLOCK) {
        throw damaged(dbFile, "it is truncated (" + size + " bytes is not a whole number of 4 KiB blocks)");
      }
      Map<String, String> header = fields(read(channel, 0));
      if (!"2".equals(header.get("H")) || !header.containsKey("block")) {
        throw damaged(dbFile, "it does not start with an H2 file header");
      }
      long blockSize = hex(header.getOrDefault("blockSize", "1000"));
      long position = hex(header.get("block")) * blockSize;
      if (position + BLOCK > size) {
        throw damaged(dbFile, "it is truncated (it ends at byte " + size + ", before its last chunk at byte " + position + ")");
      }
      Map<String, String> chunk = fields(read(channel, position));
      if (chunk.containsKey("chunk") && chunk.containsKey("len")
          && position + hex(chunk.get("len")) * blockSize > size) {
        throw damaged(dbFile, "it is truncated (it ends at byte " + size + ", inside its last chunk)");
      }
    } catch (IOException | NumberFormatException e) {
      throw new StateException("Cannot read the state file " + dbFile + ": " + e.getMessage(), e);
    }
  }

  private static String read(FileChannel channel, long position) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    channel.read(buffer, position);
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
    int end = text.indexOf('\n');
    return end >= 0 ? text.substring(0, end) : text;
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> fields = new HashMap<>();
    for (String part : line.strip().split(",")) {
      int colon = part.indexOf(':');
      if (colon > 0) {
        fields.put(part.substring(0, colon), part.substring(colon + 1));
      }
    }
    return fields;
  }

  private static long hex(String value) {
    return Long.parseLong(value.strip(), 16);
  }

  private static StateException damaged(Path file, String why) {
    return new StateException("The state file " + file + " is damaged: " + why + ". kplan left it untouched and will not"
        + " open it, since H2 would fall back to an older state and forget resources that exist; restore it from a"
        + " backup.");
  }
}
