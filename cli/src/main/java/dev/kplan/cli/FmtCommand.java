package dev.kplan.cli;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.format.FormatResult;
import dev.kplan.lang.format.Formatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan fmt}: rewrites {@code *.kp.hcl} and {@code *.kpvars.hcl} files in the canonical style.
 * Exit codes as Terraform's: 0 fine, 2 a file did not parse, 3 {@code -check} found files to format.
 */
@Command(name = "fmt", description = "Rewrite configuration files in the canonical format.")
public final class FmtCommand implements Callable<Integer> {
  private static final List<String> SUFFIXES = List.of(".kp.hcl", ".kpvars.hcl");

  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "-check", description = "Only check whether the input is formatted; exit 3 if not.")
  boolean check;

  @Option(names = "-diff", description = "Show the formatting changes as a diff.")
  boolean diff;

  @Option(names = "-recursive", description = "Also process files in subfolders.")
  boolean recursive;

  @Option(names = "-list", arity = "1", defaultValue = "true", description = "List files whose formatting differs (default true).")
  boolean list;

  @Option(names = "-write", arity = "1", defaultValue = "true", description = "Write the result to the files (default true).")
  boolean write;

  @Parameters(paramLabel = "PATH", description = "Files or folders to format (default: the current folder); - reads standard input.")
  List<String> targets = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> sources = new LinkedHashMap<>();
    Diagnostics diags = Diagnostics.NONE;
    boolean unformatted = false;
    if (targets.size() == 1 && targets.get(0).equals("-")) {
      String src = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      FormatResult r = Formatter.format(src, "<stdin>");
      sources.put("<stdin>", src);
      if (r.diagnostics().hasErrors()) {
        return failWith(r.diagnostics(), sources);
      }
      unformatted = !r.text().equals(src);
      if (diff && unformatted) {
        out.print(UnifiedDiff.diff(src, r.text(), "<stdin>"));
      } else if (!check) {
        out.print(r.text());
      }
      out.flush();
      return check && unformatted ? 3 : 0;
    }
    List<Path> files = new ArrayList<>();
    for (String t : targets.isEmpty() ? List.of(".") : targets) {
      Path p = root.workDir().resolve(t).normalize();
      if (Files.isDirectory(p)) {
        files.addAll(configFiles(p));
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        diags = diags.plus(dev.kplan.lang.diag.Diagnostic.error("Invalid path",
            "There is no configuration file or folder at " + t + ".", null));
      }
    }
    for (Path f : files) {
      String display = root.workDir().relativize(f).toString();
      String src = Files.readString(f, StandardCharsets.UTF_8);
      sources.put(display, src);
      FormatResult r = Formatter.format(src, display);
      if (r.diagnostics().hasErrors()) {
        diags = diags.plus(r.diagnostics());
        continue;
      }
      if (r.text().equals(src)) {
        continue;
      }
      unformatted = true;
      if (list) {
        out.println(display);
      }
      if (write && !check) {
        Path tmp = f.resolveSibling("." + f.getFileName() + ".kplan-fmt");
        Files.writeString(tmp, r.text(), StandardCharsets.UTF_8);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      if (diff) {
        out.print(UnifiedDiff.diff(src, r.text(), display));
      }
    }
    out.flush();
    if (diags.hasErrors()) {
      return failWith(diags, sources);
    }
    return check && unformatted ? 3 : 0;
  }

  private int failWith(Diagnostics diags, Map<String, String> sources) {
    DiagnosticPrinter.print(spec.commandLine().getErr(), diags, sources, root.color());
    return 2;
  }

  private List<Path> configFiles(Path dir) throws IOException {
    try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> SUFFIXES.stream().anyMatch(x -> p.getFileName().toString().endsWith(x)))
          .filter(p -> !p.toString().contains("/.kplan/") && !p.toString().contains("/target/"))
          .sorted()
          .toList();
    }
  }
}
