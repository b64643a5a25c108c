package dev.kplan.engine.ops;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.provider.UnmanagedObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The objects {@code plan -unmanaged} does not list because they are expected: the file {@value #FILE} in the
 * configuration's folder, as driftctl's {@code .driftignore}. One pattern a line, {@code TYPE.ID}, where {@code *}
 * stands for any run of characters ({@code aws_security_group.sg-0a1b2c3d}, {@code aws_instance.*},
 * {@code kubernetes_manifest.v1/ConfigMap/shop/*}); {@code #} starts a comment; blank lines are skipped. A line
 * starting with {@code !} lists again what an earlier pattern ignored.
 */
public record UnmanagedIgnore(List<Rule> rules, Diagnostics diagnostics) {
  public static final String FILE = ".kplanignore";
  public static final UnmanagedIgnore NONE = new UnmanagedIgnore(List.of(), Diagnostics.NONE);

  public UnmanagedIgnore {
    rules = List.copyOf(rules);
  }

  /** One pattern; {@code negated} for a {@code !} line. */
  public record Rule(Pattern pattern, boolean negated) {}

  /** The ignore file of {@code dir}; none when it does not exist. */
  public static UnmanagedIgnore load(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new UnmanagedIgnore(List.of(), Diagnostics.of(Diagnostic.error("Cannot read " + FILE,
          "Could not read " + file + ": " + e.getMessage(), null)));
    }
  }

  static UnmanagedIgnore parse(String fileName, String text) {
    List<Rule> rules = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negated = line.startsWith("!");
      String glob = negated ? line.substring(1).strip() : line;
      if (!glob.contains(".") || glob.startsWith(".")) {
        diags.add(Diagnostic.warning("Invalid ignore pattern", "\"" + line + "\" is not TYPE.ID (e.g."
            + " aws_security_group.sg-0a1b2c3d or aws_instance.*); the line is skipped.",
            new SourceRange(fileName, n + 1, 1, 0, n + 1, lines[n].length() + 1, 0)));
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String part : glob.split("\\*", -1)) {
        parts.add(Pattern.quote(part));
      }
      String r = String.join(".*", parts);
      rules.add(new Rule(Pattern.compile(r), negated));
    }
    return new UnmanagedIgnore(rules, Diagnostics.of(diags));
  }

  /** Whether the last pattern that matches {@code TYPE.ID} ignores it. */
  public boolean ignores(UnmanagedObject o) {
    String key = o.resourceType() + "." + o.id();
    boolean ignored = false;
    for (Rule r : rules) {
      if (r.pattern().matcher(key).matches()) {
        ignored = !r.negated();
      }
    }
    return ignored;
  }

  /** {@code scan} without what this file ignores, with its diagnostics. */
  public UnmanagedScan filter(UnmanagedScan scan) {
    List<UnmanagedScan.Finding> kept = new ArrayList<>();
    for (UnmanagedScan.Finding f : scan.findings()) {
      if (!ignores(f.object())) {
        kept.add(f);
      }
    }
    List<Diagnostic> diags = new ArrayList<>(scan.diagnostics().items());
    diags.addAll(diagnostics.items());
    return new UnmanagedScan(kept, Diagnostics.of(diags));
  }
}
