package dev.kplan.engine.config;

import dev.kplan.engine.version.KplanVersion;
import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.types.TypeConstraint;
import dev.kplan.lang.types.TypeConstraints;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.StringValue;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads every {@code *.kp.hcl} file of one folder (in name order) into a {@link Module}. */
public final class ConfigLoader {
  public static final String CONFIG_SUFFIX = ".kp.hcl";

  /** Names a variable may not take, because module blocks use them as meta-arguments. */
  private static final Set<String> RESERVED_VARIABLE_NAMES =
      Set.of("source", "version", "providers", "count", "for_each", "lifecycle", "depends_on", "locals");

  private static final BodySchema VARIABLE = new BodySchema(
      Set.of("type", "default", "description", "sensitive", "nullable"),
      Set.of(),
      Map.of("validation", new BodySchema.BlockType(List.of(),
          new BodySchema(Set.of("condition", "error_message"), Set.of("condition", "error_message"), Map.of()))));

  private static final Map<String, BodySchema.BlockType> TOP_LEVEL = topLevel();

  private ConfigLoader() {}

  private static Map<String, BodySchema.BlockType> topLevel() {
    Map<String, BodySchema.BlockType> m = new HashMap<>();
    m.put("kplan", new BodySchema.BlockType(List.of(), KplanBlockReader.SCHEMA));
    m.put("provider", new BodySchema.BlockType(List.of("name"), null));
    m.put("variable", new BodySchema.BlockType(List.of("name"), VARIABLE));
    m.put("locals", new BodySchema.BlockType(List.of(), null));
    m.put("output", new BodySchema.BlockType(List.of("name"), null));
    m.put("resource", new BodySchema.BlockType(List.of("type", "name"), null));
    m.put("data", new BodySchema.BlockType(List.of("type", "name"), null));
    m.put("module", new BodySchema.BlockType(List.of("name"), null));
    m.put("moved", new BodySchema.BlockType(List.of(), null));
    m.put("import", new BodySchema.BlockType(List.of(), StatementReader.IMPORT));
    m.put("removed", new BodySchema.BlockType(List.of(), StatementReader.REMOVED));
    m.put("check", new BodySchema.BlockType(List.of("name"), null));
    return Map.copyOf(m);
  }

  /**
   * Loads the module in {@code dir} with the child modules it calls (recursively); a folder without
   * configuration files is a module with nothing in it.
   */
  public static LoadResult load(Path dir) {
    return ModuleTreeLoader.load(dir);
  }

  /** Loads one folder without its children; files are named relative to {@code root}. */
  static LoadResult loadFolder(Path dir, Path root) {
    List<Diagnostic> diags = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<Body> bodies = new ArrayList<>();
    for (Path file : configFiles(dir, diags)) {
      String name = displayName(root, file);
      String text;
      try {
        text = readUtf8(file);
      } catch (IOException e) {
        diags.add(Diagnostic.error("Failed to read file",
            "The configuration file \"" + name + "\" could not be read: " + e.getMessage(), null));
        continue;
      }
      sources.put(name, text);
      ParseResult<Body> parsed = Parser.parseFile(text, name);
      diags.addAll(parsed.diagnostics().items());
      if (parsed.value() != null) {
        bodies.add(parsed.value());
      }
    }
    return assemble(dir, bodies, sources, diags);
  }

  /** Builds a module from already parsed files (tests and the console use this too). */
  static LoadResult assemble(Path dir, List<Body> bodies, Map<String, String> sources, List<Diagnostic> diags) {
    List<Variable> variables = new ArrayList<>();
    List<Local> locals = new ArrayList<>();
    List<ProviderBlock> providers = new ArrayList<>();
    List<ResourceBlock> resources = new ArrayList<>();
    List<OutputBlock> outputs = new ArrayList<>();
    List<ModuleCall> calls = new ArrayList<>();
    List<MovedBlock> moved = new ArrayList<>();
    List<ImportBlock> imports = new ArrayList<>();
    List<RemovedBlock> removed = new ArrayList<>();
    Map<String, SourceRange> seenBlocks = new HashMap<>();
    Map<String, SourceRange> seenVariables = new HashMap<>();
    Map<String, SourceRange> seenLocals = new HashMap<>();
    BodySchema top = new BodySchema(Set.of(), Set.of(), TOP_LEVEL);
    List<Block> kplanBlocks = new ArrayList<>();
    for (Body body : bodies) {
      kplanBlocks.addAll(body.blocks("kplan").stream().filter(b -> b.labels().isEmpty()).toList());
    }
    KplanSettings settings = KplanBlockReader.read(kplanBlocks, KplanVersion.current(), diags);
    for (Body body : bodies) {
      diags.addAll(BodyChecker.check(body, top, null));
      for (BodyItem item : body.items()) {
        if (!(item instanceof Block b) || b.labels().size() != TOP_LEVEL.getOrDefault(b.type(),
            new BodySchema.BlockType(List.of("?"), null)).labels().size()) {
          continue;
        }
        if (b.type().equals("variable")) {
          Variable v = variable(b, diags);
          SourceRange previous = seenVariables.putIfAbsent(v.name(), b.definitionRange());
          if (previous != null) {
            diags.add(Diagnostic.error("Duplicate variable declaration",
                "A variable named \"" + v.name() + "\" was already declared at " + at(previous)
                    + ". Variable names must be unique within a module.", b.definitionRange()));
          } else {
            variables.add(v);
          }
        } else if (b.type().equals("resource") || b.type().equals("data")) {
          ResourceBlock r = BlockReader.resource(b, b.type().equals("data")
              ? dev.kplan.engine.addrs.ResourceMode.DATA : dev.kplan.engine.addrs.ResourceMode.MANAGED, diags);
          SourceRange previous = seenBlocks.putIfAbsent(r.address().toString(), b.definitionRange());
          if (previous != null) {
            String what = b.type().equals("data") ? "data" : "resource";
            diags.add(Diagnostic.error("Duplicate " + what + " \"" + r.type() + "\" configuration",
                "A " + r.type() + " " + (what.equals("data") ? "data resource" : "resource") + " named \""
                    + r.name() + "\" was already declared at " + at(previous)
                    + ". Resource names must be unique per type in each module.", b.definitionRange()));
          } else {
            resources.add(r);
          }
        } else if (b.type().equals("output")) {
          OutputBlock o = BlockReader.output(b, diags);
          SourceRange previous = seenBlocks.putIfAbsent("output." + o.name(), b.definitionRange());
          if (previous != null) {
            diags.add(Diagnostic.error("Duplicate output definition",
                "An output named \"" + o.name() + "\" was already defined at " + at(previous)
                    + ". Output names must be unique within a module.", b.definitionRange()));
          } else {
            outputs.add(o);
          }
        } else if (b.type().equals("provider")) {
          ProviderBlock p = BlockReader.provider(b, diags);
          SourceRange previous = seenBlocks.putIfAbsent(p.address().toString(), b.definitionRange());
          if (previous != null) {
            diags.add(Diagnostic.error("Duplicate provider configuration",
                "A provider configuration for \"" + p.address().configText() + "\" was already given at "
                    + at(previous) + ". Each configuration for the same provider must have a distinct alias.",
                b.definitionRange()));
          } else {
            providers.add(p);
          }
        } else if (b.type().equals("module")) {
          ModuleCall c = ModuleCallReader.call(b, diags);
          SourceRange previous = seenBlocks.putIfAbsent("module." + c.name(), b.definitionRange());
          if (previous != null) {
            diags.add(Diagnostic.error("Duplicate module call",
                "A module call named \"" + c.name() + "\" was already defined at " + at(previous)
                    + ". Module calls must have unique names within a module.", b.definitionRange()));
          } else {
            calls.add(c);
          }
        } else if (b.type().equals("moved")) {
          MovedBlock m = ModuleCallReader.moved(b, diags);
          if (m != null) {
            moved.add(m);
          }
        } else if (b.type().equals("import")) {
          ImportBlock ib = StatementReader.importBlock(b, sources, diags);
          if (ib != null) {
            imports.add(ib);
          }
        } else if (b.type().equals("removed")) {
          RemovedBlock rb = StatementReader.removed(b, sources, diags);
          if (rb != null) {
            removed.add(rb);
          }
        } else if (b.type().equals("locals")) {
          for (BodyItem li : b.body().items()) {
            if (li instanceof Block nested) {
              diags.add(Diagnostic.error("Unsupported block type",
                  "Blocks of type \"" + nested.type() + "\" are not expected here.", nested.typeRange()));
              continue;
            }
            Attribute a = (Attribute) li;
            SourceRange previous = seenLocals.putIfAbsent(a.name(), a.nameRange());
            if (previous != null) {
              diags.add(Diagnostic.error("Duplicate local value definition",
                  "A local value named \"" + a.name() + "\" was already defined at " + at(previous)
                      + ". Local value names must be unique within a module.", a.nameRange()));
            } else {
              locals.add(new Local(a.name(), a.expr(), a.range()));
            }
          }
        }
      }
    }
    StatementReader.checkTargets(imports, removed, resources, diags);
    return new LoadResult(new Module(dir, variables, locals, providers, resources, outputs, calls, moved, sources,
        imports, removed), Diagnostics.of(diags), settings);
  }

  private static Variable variable(Block b, List<Diagnostic> diags) {
    String name = b.labels().get(0);
    if (RESERVED_VARIABLE_NAMES.contains(name) || !isIdentifier(name)) {
      diags.add(Diagnostic.error("Invalid variable name",
          RESERVED_VARIABLE_NAMES.contains(name)
              ? "The variable name \"" + name + "\" is reserved due to its special meaning inside module blocks."
              : "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.",
          b.labelRanges().get(0)));
    }
    Body body = b.body();
    TypeConstraint type = new TypeConstraint(Type.DYNAMIC, null);
    Attribute typeAttr = body.attribute("type");
    if (typeAttr != null) {
      TypeConstraints.Result parsed = TypeConstraints.parseVariableType(typeAttr.expr());
      diags.addAll(parsed.diagnostics().items());
      type = parsed.constraint();
    }
    List<Validation> validations = new ArrayList<>();
    for (Block vb : body.blocks("validation")) {
      Attribute cond = vb.body().attribute("condition");
      Attribute msg = vb.body().attribute("error_message");
      if (cond != null && msg != null) {
        validations.add(new Validation(cond.expr(), msg.expr(), vb.definitionRange())); // Terraform's DeclRange
      }
    }
    Attribute def = body.attribute("default");
    return new Variable(
        name,
        type,
        def == null ? null : def.expr(),
        literalString(body.attribute("description"), "description", diags),
        literalBool(body.attribute("sensitive"), false, diags),
        literalBool(body.attribute("nullable"), true, diags),
        validations,
        typeAttr != null && !(type.type() instanceof dev.kplan.lang.types.PrimitiveType),
        b.definitionRange());
  }

  private static String literalString(Attribute a, String what, List<Diagnostic> diags) {
    if (a == null) {
      return "";
    }
    Expr e = a.expr();
    if (e instanceof LiteralExpr l && l.value() instanceof StringValue s) {
      return s.value();
    }
    diags.add(Diagnostic.error("Invalid " + what, "The " + what + " must be a literal string.", e.range()));
    return "";
  }

  private static boolean literalBool(Attribute a, boolean fallback, List<Diagnostic> diags) {
    if (a == null) {
      return fallback;
    }
    Expr e = a.expr();
    if (e instanceof LiteralExpr l && l.value() instanceof BoolValue b) {
      return b.value();
    }
    diags.add(Diagnostic.error("Invalid value for \"" + a.name() + "\"",
        "The \"" + a.name() + "\" argument must be either true or false.", e.range()));
    return fallback;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
  }

  private static List<Path> configFiles(Path dir, List<Diagnostic> diags) {
    if (!Files.isDirectory(dir)) {
      diags.add(Diagnostic.error("Invalid configuration directory",
          "There is no configuration directory at " + dir + ".", null));
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(CONFIG_SUFFIX) && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      diags.add(Diagnostic.error("Failed to read directory",
          "The configuration directory " + dir + " could not be listed: " + e.getMessage(), null));
      return List.of();
    }
  }

  static String readUtf8(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("the file is not valid UTF-8", e);
    }
  }

  private static String displayName(Path root, Path file) {
    Path rel = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    return rel.toString().replace(java.io.File.separatorChar, '/');
  }

  private static String at(SourceRange r) {
    return r.file() + ":" + r.startLine() + "," + r.startCol() + "-" + r.endCol();
  }
}
