package dev.kplan.provider.local;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ResourceSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code local_file} and {@code local_sensitive_file}, as in hashicorp/local: every argument forces a
 * new file, {@code id} is the SHA1 of the content. Unlike hashicorp/local (which forgets a file whose
 * content changed), a read reports the content found on disk, so that a hand edit shows as drift and
 * the plan proposes to write the file again. Permissions are not read back: they are applied under
 * the umask, as the Go provider does, so the mode on disk need not equal the declared one.
 */
final class FileResource implements ManagedType {
  static final List<String> CONTENT_ARGUMENTS = List.of("content", "content_base64", "source");
  static final List<String> ARGUMENTS = List.of(
      "filename", "content", "content_base64", "source", "file_permission", "directory_permission");

  private final String name;
  private final String defaultMode;
  private final ResourceSchema schema;

  private FileResource(String name, boolean sensitive, String defaultMode) {
    this.name = name;
    this.defaultMode = defaultMode;
    this.schema = buildSchema(sensitive, defaultMode);
  }

  static FileResource file() {
    return new FileResource("local_file", false, "0777");
  }

  static FileResource sensitiveFile() {
    return new FileResource("local_sensitive_file", true, "0700");
  }

  private static ResourceSchema buildSchema(boolean sensitive, String defaultMode) {
    Map<String, AttributeSchema> a = new LinkedHashMap<>();
    a.put("filename", AttributeSchema.required(Type.STRING).forcingNew()
        .describedAs("The path of the file to write; relative paths start at the provider's base_dir."));
    AttributeSchema content = AttributeSchema.optional(Type.STRING).forcingNew()
        .describedAs("Content to store in the file, as UTF-8 text. Exactly one of content, content_base64 and source.");
    AttributeSchema base64 = AttributeSchema.optional(Type.STRING).forcingNew()
        .describedAs("Binary content to store in the file, encoded as base64.");
    a.put("content", sensitive ? content.markedSensitive() : content);
    a.put("content_base64", sensitive ? base64.markedSensitive() : base64);
    a.put("source", AttributeSchema.optional(Type.STRING).forcingNew()
        .describedAs("Path of a file whose content to copy."));
    a.put("file_permission", AttributeSchema.optionalComputed(Type.STRING).forcingNew()
        .describedAs("Mode of the file (before umask), in octal; default \"" + defaultMode + "\"."));
    a.put("directory_permission", AttributeSchema.optionalComputed(Type.STRING).forcingNew()
        .describedAs("Mode of directories created (before umask), in octal; default \"" + defaultMode + "\"."));
    for (String c : Checksums.ATTRIBUTES) {
      a.put(c, AttributeSchema.computed(Type.STRING));
    }
    return new ResourceSchema(0, BlockSchema.of(a),
        sensitive ? "A local file with sensitive content." : "A local file with the given content.");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ResourceSchema schema() {
    return schema;
  }

  @Override
  public Diagnostics validate(ObjectValue config) {
    List<Diagnostic> d = new ArrayList<>();
    long set = CONTENT_ARGUMENTS.stream().filter(n -> Attrs.isSet(config, n)).count();
    if (set != 1) {
      d.add(Diagnostic.error("Invalid Attribute Combination",
          "Exactly one of these attributes must be configured: [content,content_base64,source].", null));
    }
    for (String mode : List.of("file_permission", "directory_permission")) {
      String text = Attrs.string(config, mode);
      if (text != null && !AtomicFiles.validMode(text)) {
        d.add(Diagnostic.error("Invalid " + mode,
            "\"" + text + "\" is not a permission in numeric notation: 3 or 4 octal digits, at most 0777.", null));
      }
    }
    String b64 = Attrs.string(config, "content_base64");
    if (b64 != null && decode(b64) == null) {
      d.add(Diagnostic.error("Invalid content_base64", "The value of content_base64 is not valid base64.", null));
    }
    return Diagnostics.of(d);
  }

  @Override
  public PlanResult plan(PlanRequest request, Workspace workspace) {
    ObjectValue config = Attrs.plain(request.config());
    Diagnostics diags = validate(config);
    if (diags.hasErrors()) {
      return new PlanResult(request.proposedNewState(), List.of(), null, diags);
    }
    Map<String, Value> planned = new LinkedHashMap<>();
    for (String arg : ARGUMENTS) {
      planned.put(arg, Attrs.get(config, arg));
    }
    for (String mode : List.of("file_permission", "directory_permission")) {
      if (planned.get(mode).isNull()) {
        planned.put(mode, Value.string(defaultMode));
      }
    }
    byte[] content = contentIfKnown(planned, workspace);
    planned.putAll(content == null ? Checksums.unknown() : Checksums.of(content));
    List<Path> replace = new ArrayList<>();
    if (!request.priorState().isNull()) {
      ObjectValue prior = Attrs.plain(request.priorState());
      for (String arg : ARGUMENTS) {
        if (!Attrs.same(Attrs.get(prior, arg), planned.get(arg))) {
          replace.add(Path.ROOT.attr(arg));
        }
      }
      // same arguments, other bytes: the source file changed, or the file on disk did
      if (replace.isEmpty() && !Attrs.same(Attrs.get(prior, "id"), planned.get("id"))) {
        replace.add(Path.ROOT.attr(contentArgument(planned)));
      }
      if (replace.isEmpty()) {
        planned = Attrs.copy(prior);
      }
    }
    return new PlanResult(Attrs.complete(schema.block(), planned), replace, null, diags);
  }

  @Override
  public ApplyResult apply(ApplyRequest request, Workspace workspace) {
    ObjectValue prior = request.priorState().isNull() ? null : Attrs.plain(request.priorState());
    if (request.isDelete()) {
      java.nio.file.Path file = workspace.resolve(Attrs.string(prior, "filename"));
      try {
        Files.deleteIfExists(file);
        return new ApplyResult(Value.nullOf(schema.block().impliedType()), null, Diagnostics.NONE);
      } catch (IOException e) {
        return new ApplyResult(request.priorState(), null, ioError("delete", file, e));
      }
    }
    ObjectValue planned = Attrs.plain(request.plannedState());
    Value unchanged = prior == null ? Value.nullOf(schema.block().impliedType()) : request.priorState();
    java.nio.file.Path file = workspace.resolve(Attrs.string(planned, "filename"));
    byte[] content;
    try {
      content = content(planned, workspace);
    } catch (IOException e) {
      return new ApplyResult(unchanged, null, ioError("read the source of", file, e));
    }
    try {
      AtomicFiles.write(file, content, Attrs.string(planned, "file_permission"),
          Attrs.string(planned, "directory_permission"));
    } catch (IOException e) {
      return new ApplyResult(unchanged, null, ioError("write", file, e));
    }
    Map<String, Value> state = Attrs.copy(planned);
    state.putAll(Checksums.of(content));
    return new ApplyResult(Attrs.complete(schema.block(), state), null, Diagnostics.NONE);
  }

  @Override
  public Value read(ObjectValue prior, Workspace workspace, List<Diagnostic> diagnostics) {
    java.nio.file.Path file = workspace.resolve(Attrs.string(prior, "filename"));
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Value.nullOf(schema.block().impliedType());
    } catch (IOException e) {
      diagnostics.addAll(ioError("read", file, e).items());
      return prior;
    }
    if (Checksums.sha1Hex(bytes).equals(Attrs.string(prior, "id"))) {
      return prior;
    }
    Map<String, Value> live = Attrs.copy(prior);
    if (Attrs.isSet(prior, "content_base64")) {
      live.put("content_base64", Value.string(Base64.getEncoder().encodeToString(bytes)));
    } else if (!Attrs.isSet(prior, "source")) {
      live.put("content", Value.string(new String(bytes, StandardCharsets.UTF_8)));
    }
    live.putAll(Checksums.of(bytes));
    return Attrs.complete(schema.block(), live);
  }

  @Override
  public ImportResult importResource(String id, Workspace workspace) {
    java.nio.file.Path file = workspace.resolve(id);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new ImportResult(List.of(), Diagnostics.of(Diagnostic.error("Cannot import non-existent file",
          "There is no file " + file + " to import as " + name + ".", null)));
    } catch (IOException e) {
      return new ImportResult(List.of(), ioError("read", file, e));
    }
    Map<String, Value> state = new LinkedHashMap<>();
    state.put("filename", Value.string(id));
    state.put("content", Value.string(new String(bytes, StandardCharsets.UTF_8)));
    state.put("file_permission", Value.string(defaultMode));
    state.put("directory_permission", Value.string(defaultMode));
    state.putAll(Checksums.of(bytes));
    return new ImportResult(List.of(Attrs.complete(schema.block(), state)), Diagnostics.NONE);
  }

  /**
   * The file's absolute path (where a lookup finds it), and what the adopted state needs besides its
   * bytes: the filename as configured, which content argument is used (a source's path with it) and
   * the permissions. Never the content itself, which may be sensitive.
   */
  @Override
  public dev.kplan.provider.IdentityResult identity(ObjectValue planned, Workspace workspace) {
    Map<String, Value> args = Attrs.copy(planned);
    String filename = Attrs.string(planned, "filename");
    if (filename == null) {
      return dev.kplan.provider.IdentityResult.UNSUPPORTED;
    }
    Map<String, String> id = new LinkedHashMap<>();
    id.put("path", workspace.resolve(filename).toString());
    id.put("filename", filename);
    String arg = contentArgument(args);
    id.put("content_argument", arg);
    if ("source".equals(arg) && Attrs.string(planned, "source") != null) {
      id.put("source", Attrs.string(planned, "source"));
    }
    for (String mode : List.of("file_permission", "directory_permission")) {
      String m = Attrs.string(planned, mode);
      id.put(mode, m == null ? defaultMode : m);
    }
    return dev.kplan.provider.IdentityResult.remote(id);
  }

  /** The file at the identity's path, as the state would hold it had the create been recorded. */
  @Override
  public dev.kplan.provider.LookupResult lookup(Map<String, String> identity, Workspace workspace) {
    String path = identity.get("path");
    if (path == null || identity.get("filename") == null) {
      return dev.kplan.provider.LookupResult.failed(Diagnostics.of(Diagnostic.error("Invalid identity",
          "The identity of a " + name + " needs its path and filename; it holds " + identity.keySet() + ".", null)));
    }
    java.nio.file.Path file = java.nio.file.Path.of(path);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return dev.kplan.provider.LookupResult.NOT_FOUND;
    } catch (IOException e) {
      return dev.kplan.provider.LookupResult.failed(ioError("read", file, e));
    }
    Map<String, Value> state = new LinkedHashMap<>();
    state.put("filename", Value.string(identity.get("filename")));
    String arg = identity.getOrDefault("content_argument", "content");
    if ("content_base64".equals(arg)) {
      state.put("content_base64", Value.string(Base64.getEncoder().encodeToString(bytes)));
    } else if ("source".equals(arg) && identity.get("source") != null) {
      state.put("source", Value.string(identity.get("source")));
    } else {
      state.put("content", Value.string(new String(bytes, StandardCharsets.UTF_8)));
    }
    state.put("file_permission", Value.string(identity.getOrDefault("file_permission", defaultMode)));
    state.put("directory_permission", Value.string(identity.getOrDefault("directory_permission", defaultMode)));
    state.putAll(Checksums.of(bytes));
    return dev.kplan.provider.LookupResult.found(Attrs.complete(schema.block(), state), null);
  }

  /** The bytes to write, or null while an argument is unknown or the source file does not exist yet. */
  private static byte[] contentIfKnown(Map<String, Value> args, Workspace workspace) {
    for (String arg : CONTENT_ARGUMENTS) {
      if (!args.get(arg).isKnown()) {
        return null;
      }
    }
    ObjectValue o = Value.object(args);
    try {
      return content(o, workspace);
    } catch (IOException e) {
      // the source may be written by another resource during apply
      return null;
    }
  }

  private static byte[] content(ObjectValue args, Workspace workspace) throws IOException {
    String b64 = Attrs.string(args, "content_base64");
    if (b64 != null) {
      byte[] bytes = decode(b64);
      if (bytes == null) {
        throw new IOException("content_base64 is not valid base64");
      }
      return bytes;
    }
    String source = Attrs.string(args, "source");
    if (source != null) {
      return Files.readAllBytes(workspace.resolve(source));
    }
    String text = Attrs.string(args, "content");
    return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String contentArgument(Map<String, Value> args) {
    for (String arg : CONTENT_ARGUMENTS) {
      if (!args.get(arg).isNull()) {
        return arg;
      }
    }
    return "content";
  }

  private static byte[] decode(String b64) {
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Diagnostics ioError(String verb, java.nio.file.Path file, IOException e) {
    return Diagnostics.of(Diagnostic.error(
        "Cannot " + verb + " " + file,
        name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), null));
  }
}
