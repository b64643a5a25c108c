package dev.kplan.lang.functions;

import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.GoQuote;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Functions that read the configuration's files (OpenTofu's {@code filesystem.go}), the pure
 * path functions, and {@code templatestring}, which renders like {@code templatefile} from a string. Relative paths start from {@link FunctionContext#baseDir()}; {@code ~} expands to
 * the home folder. {@code templatefile} reads and checks here, then renders through
 * {@link FunctionContext#templates()}, which also reports variables the template refers to but
 * {@code vars} lacks.
 */
public final class FilesystemFunctions {
  private FilesystemFunctions() {}

  public static List<FunctionSpec> functions(FunctionContext ctx) {
    // kept as given (usually relative, like Terraform's "."), so messages name paths as Terraform does
    String baseDir = GoPaths.clean(ctx.baseDir().toString().replace('\\', '/'));
    String absBaseDir = ctx.baseDir().toAbsolutePath().normalize().toString().replace('\\', '/');
    List<FunctionSpec> fns = new ArrayList<>(List.of(
        new FunctionSpec("file", List.of(pathParam()), null, ReturnType.fixed(Type.STRING),
            (args, rt) -> {
              Marks marks = args.get(0).marks();
              String path = str(args.get(0));
              return Value.string(readUtf8(baseDir, path, marks)).withMarks(marks);
            }),
        new FunctionSpec("filebase64", List.of(pathParam()), null, ReturnType.fixed(Type.STRING),
            (args, rt) -> {
              Marks marks = args.get(0).marks();
              byte[] bytes = readFileBytes(baseDir, str(args.get(0)), marks);
              return Value.string(Base64.getEncoder().encodeToString(bytes)).withMarks(marks);
            }),
        new FunctionSpec("fileexists", List.of(pathParam()), null, ReturnType.fixed(Type.BOOL),
            (args, rt) -> fileexists(baseDir, args.get(0))),
        new FunctionSpec("fileset", List.of(pathParam(), Param.of("pattern", Type.STRING).allowingMarked()),
            null, ReturnType.fixed(new SetType(Type.STRING)),
            (args, rt) -> fileset(baseDir, args.get(0), args.get(1))),
        new FunctionSpec("templatefile",
            List.of(pathParam(), Param.of("vars", Type.DYNAMIC)), null, ReturnType.fixed(Type.DYNAMIC),
            (args, rt) -> templatefile(ctx, baseDir, args.get(0), args.get(1))),
        new FunctionSpec("templatestring",
            List.of(Param.of("data", Type.STRING).allowingMarked(), Param.of("vars", Type.DYNAMIC).allowingMarked()),
            null, ReturnType.fixed(Type.DYNAMIC), (args, rt) -> {
              Marks marks = args.get(0).marks();
              Value vars = args.get(1);
              try {
                return render(ctx, str(args.get(0)), TEMPLATE_STRING_FILENAME, vars.unmarked())
                    .mark(marks.union(vars.marks()));
              } catch (FunctionException e) {
                // OpenTofu's templatestring names the missing key without templatefile's position
                int at = e.getMessage().indexOf(", referenced at " + TEMPLATE_STRING_FILENAME + ":");
                if (e.argIndex() == 1 && e.getMessage().startsWith("vars map does not contain key ") && at > 0) {
                  throw new FunctionException(1, e.getMessage().substring(0, at));
                }
                throw e;
              }
            }),
        new FunctionSpec("abspath", List.of(Param.of("path", Type.STRING)), null, ReturnType.fixed(Type.STRING),
            (args, rt) -> {
              String p = str(args.get(0));
              return Value.string(GoPaths.isAbs(p) ? GoPaths.clean(p) : GoPaths.join(absBaseDir, p));
            }),
        new FunctionSpec("basename", List.of(Param.of("path", Type.STRING)), null, ReturnType.fixed(Type.STRING),
            (args, rt) -> Value.string(GoPaths.base(str(args.get(0))))),
        new FunctionSpec("dirname", List.of(Param.of("path", Type.STRING)), null, ReturnType.fixed(Type.STRING),
            (args, rt) -> Value.string(GoPaths.dir(str(args.get(0))))),
        new FunctionSpec("pathexpand", List.of(Param.of("path", Type.STRING)), null, ReturnType.fixed(Type.STRING),
            (args, rt) -> {
              try {
                return Value.string(GoPaths.expandHome(str(args.get(0))));
              } catch (IllegalArgumentException e) {
                throw new FunctionException(e.getMessage());
              }
            })));
    fns.add(fileHash("filemd5", baseDir, "MD5", CryptoFunctions::hex));
    fns.add(fileHash("filesha1", baseDir, "SHA-1", CryptoFunctions::hex));
    fns.add(fileHash("filesha256", baseDir, "SHA-256", CryptoFunctions::hex));
    fns.add(fileHash("filesha512", baseDir, "SHA-512", CryptoFunctions::hex));
    fns.add(fileHash("filebase64sha256", baseDir, "SHA-256", CryptoFunctions::base64));
    fns.add(fileHash("filebase64sha512", baseDir, "SHA-512", CryptoFunctions::base64));
    return List.copyOf(fns);
  }

  private static Param pathParam() {
    return Param.of("path", Type.STRING).allowingMarked();
  }

  private static String str(Value v) {
    return ((StringValue) v).value();
  }

  private static String redactIfSensitive(String s, Marks marks) {
    return marks.isSensitive() ? "(sensitive value)" : GoQuote.quote(s);
  }

  /** The host path a function argument names: {@code ~} expanded, joined to the base, cleaned. */
  private static String resolve(String baseDir, String path) throws FunctionException {
    String p;
    try {
      p = GoPaths.expandHome(path);
    } catch (IllegalArgumentException e) {
      throw new FunctionException("failed to expand ~: " + e.getMessage());
    }
    if (!GoPaths.isAbs(p)) {
      p = GoPaths.join(baseDir, p);
    }
    return GoPaths.clean(p);
  }

  private static byte[] readFileBytes(String baseDir, String path, Marks marks) throws FunctionException {
    String full;
    try {
      full = resolve(baseDir, path);
    } catch (FunctionException e) {
      throw new FunctionException(0, e.getMessage());
    }
    Path p = Path.of(full);
    if (!Files.exists(p)) {
      throw new FunctionException(0, "no file exists at " + redactIfSensitive(path, marks)
          + "; this function works only with files that are distributed as part of the configuration source"
          + " code, so if this file will be created by a resource in this configuration you must instead"
          + " obtain this result from an attribute of that resource");
    }
    if (Files.isDirectory(p)) {
      throw new FunctionException(0, "failed to read file: read " + full + ": is a directory");
    }
    try {
      return Files.readAllBytes(p);
    } catch (AccessDeniedException e) {
      throw new FunctionException(0, "open " + full + ": permission denied");
    } catch (IOException e) {
      throw new FunctionException(0, "failed to read file: " + e.getMessage());
    }
  }

  private static String readUtf8(String baseDir, String path, Marks marks) throws FunctionException {
    String text = EncodingFunctions.utf8OrNull(readFileBytes(baseDir, path, marks));
    if (text == null) {
      throw new FunctionException("contents of " + redactIfSensitive(path, marks)
          + " are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the"
          + " other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead");
    }
    return text;
  }

  private static FunctionSpec fileHash(String name, String baseDir, String algorithm, Function<byte[], String> enc) {
    return new FunctionSpec(name, List.of(Param.of("path", Type.STRING)), null, ReturnType.fixed(Type.STRING),
        (args, rt) -> {
          String full = resolve(baseDir, str(args.get(0)));
          Path p = Path.of(full);
          byte[] bytes;
          try {
            if (Files.isDirectory(p)) {
              throw new FunctionException("read " + full + ": is a directory");
            }
            bytes = Files.readAllBytes(p);
          } catch (NoSuchFileException e) {
            throw new FunctionException("open " + full + ": no such file or directory");
          } catch (AccessDeniedException e) {
            throw new FunctionException("open " + full + ": permission denied");
          } catch (IOException e) {
            throw new FunctionException(e.getMessage());
          }
          return Value.string(enc.apply(CryptoFunctions.digest(algorithm, bytes)));
        });
  }

  private static Value fileexists(String baseDir, Value arg) throws FunctionException {
    Marks marks = arg.marks();
    String full = resolve(baseDir, str(arg));
    Path p = Path.of(full);
    if (!Files.exists(p)) {
      return Value.bool(false).withMarks(marks);
    }
    if (Files.isRegularFile(p)) {
      return Value.bool(true).withMarks(marks);
    }
    String name = redactIfSensitive(full, marks);
    if (Files.isDirectory(p)) {
      throw new FunctionException(0, name + " is a directory, not a file");
    }
    throw new FunctionException(0, name + " is not a regular file");
  }

  private static Value fileset(String baseDir, Value pathArg, Value patternArg) throws FunctionException {
    Marks marks = pathArg.marks().union(patternArg.marks());
    String path = str(pathArg);
    if (!GoPaths.isAbs(path)) {
      path = GoPaths.join(baseDir, path);
    }
    String pattern = GoPaths.join(path, str(patternArg));
    List<String> matches;
    try {
      matches = Doublestar.glob(pattern);
    } catch (Doublestar.BadPattern e) {
      throw new FunctionException("failed to glob pattern " + redactIfSensitive(pattern, marks) + ": " + e.getMessage());
    } catch (IOException e) {
      throw new FunctionException("failed to glob pattern " + redactIfSensitive(pattern, marks) + ": " + e.getMessage());
    }
    String root = GoPaths.clean(path);
    List<Value> out = new ArrayList<>();
    for (String m : matches) {
      if (!Files.isRegularFile(Path.of(m))) {
        continue;
      }
      out.add(Value.string(GoPaths.rel(root, m)));
    }
    return Value.set(Type.STRING, out).withMarks(marks);
  }

  private static Value templatefile(FunctionContext ctx, String baseDir, Value pathArg, Value vars)
      throws FunctionException {
    Marks marks = pathArg.marks();
    String path = str(pathArg);
    String text = readUtf8(baseDir, path, marks);
    return render(ctx, text, path, vars).mark(marks);
  }

  /** What OpenTofu names the template source of {@code templatestring} in its diagnostics. */
  private static final String TEMPLATE_STRING_FILENAME = "NoFileNeeded";

  private static Value render(FunctionContext ctx, String text, String fileName, Value vars) throws FunctionException {
    Map<String, Value> varMap;
    if (vars instanceof ObjectValue o) {
      varMap = o.attributes();
    } else if (vars instanceof MapValue m) {
      varMap = m.entries();
    } else {
      throw new FunctionException(1, "invalid vars value: must be a map");
    }
    for (String name : varMap.keySet()) {
      if (!isIdentifier(name)) {
        throw new FunctionException(1, "invalid template variable name " + GoQuote.quote(name)
            + ": must start with a letter, followed by zero or more letters, digits, and underscores");
      }
    }
    if (ctx.templates() == null) {
      throw new FunctionException("templates are not available here: no template renderer is configured");
    }
    return ctx.templates().render(text, fileName, varMap);
  }

  /** hclsyntax.ValidIdentifier: a letter or underscore, then letters, digits, underscores, dashes. */
  static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int first = s.codePointAt(0);
    if (!(Character.isUnicodeIdentifierStart(first) || first == '_')) {
      return false;
    }
    for (int i = Character.charCount(first); i < s.length(); ) {
      int c = s.codePointAt(i);
      if (!(Character.isUnicodeIdentifierPart(c) || c == '-') || Character.isIdentifierIgnorable(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

}
