package dev.kplan.provider.local;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ResourceSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Data sources {@code local_file} and {@code local_sensitive_file}: a file's content and digests. */
final class FileDataSource {
  private final String name;
  private final ResourceSchema schema;

  private FileDataSource(String name, boolean sensitive) {
    this.name = name;
    Map<String, AttributeSchema> a = new LinkedHashMap<>();
    a.put("filename", AttributeSchema.required(Type.STRING)
        .describedAs("The path of the file to read; relative paths start at the provider's base_dir."));
    AttributeSchema content = AttributeSchema.computed(Type.STRING).describedAs("The raw content, as UTF-8 text.");
    AttributeSchema base64 = AttributeSchema.computed(Type.STRING).describedAs("The content, base64-encoded.");
    a.put("content", sensitive ? content.markedSensitive() : content);
    a.put("content_base64", sensitive ? base64.markedSensitive() : base64);
    for (String c : Checksums.ATTRIBUTES) {
      a.put(c, AttributeSchema.computed(Type.STRING));
    }
    this.schema = new ResourceSchema(0, BlockSchema.of(a), "Reads a local file.");
  }

  static FileDataSource file() {
    return new FileDataSource("local_file", false);
  }

  static FileDataSource sensitiveFile() {
    return new FileDataSource("local_sensitive_file", true);
  }

  String name() {
    return name;
  }

  ResourceSchema schema() {
    return schema;
  }

  ReadDataResult read(ObjectValue config, Workspace workspace) {
    String filename = Attrs.string(config, "filename");
    if (filename == null) {
      return new ReadDataResult(null, Diagnostics.of(Diagnostic.error(
          "Missing filename", "The data source " + name + " needs a known filename.", null)));
    }
    java.nio.file.Path file = workspace.resolve(filename);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new ReadDataResult(null, Diagnostics.of(Diagnostic.error(
          "Read local file data source error", "The file " + file + " does not exist.", null)));
    } catch (IOException e) {
      return new ReadDataResult(null, Diagnostics.of(Diagnostic.error(
          "Read local file data source error", "Cannot read " + file + ": " + e.getMessage(), null)));
    }
    Map<String, Value> state = new LinkedHashMap<>();
    state.put("filename", Value.string(filename));
    state.put("content", Value.string(new String(bytes, StandardCharsets.UTF_8)));
    state.put("content_base64", Value.string(Base64.getEncoder().encodeToString(bytes)));
    state.putAll(Checksums.of(bytes));
    return new ReadDataResult(Attrs.complete(schema.block(), state), Diagnostics.NONE);
  }
}
