package dev.kplan.cli;

import dev.kplan.engine.config.ModuleScope;
import dev.kplan.engine.config.VariableInput;
import dev.kplan.lang.console.ConsoleEvaluator;
import dev.kplan.lang.console.ConsoleResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kplan console}: evaluates expressions against the configuration in the working folder
 * (variables, locals, functions), one per line, as {@code terraform console} does. With a terminal
 * it offers line editing and history; otherwise it reads standard input to the end and exits 0.
 */
@Command(name = "console", description = "Evaluate expressions against the configuration, interactively or from standard input.")
public final class ConsoleCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "-json", description = "Print each result as one line of JSON; errors as {\"error\": …}.")
  boolean json;

  @Option(names = "-var", paramLabel = "NAME=VALUE", description = "Set an input variable (repeatable).")
  List<String> vars = new ArrayList<>();

  @Option(names = "-var-file", paramLabel = "FILE", description = "Read input variables from a file (repeatable).")
  List<Path> varFiles = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<VariableInput> inputs = VariableArguments.parse(spec.commandLine(), vars, varFiles, root.workDir());
    ModuleScope scope = ModuleScope.load(root.workDir(), inputs, root.environment(), Clock.systemUTC());
    if (!scope.diagnostics().isEmpty()) {
      DiagnosticPrinter.print(err, scope.diagnostics(), scope.module().sources(), root.color());
      if (scope.diagnostics().hasErrors()) {
        return 1;
      }
    }
    java.util.Map<String, dev.kplan.lang.value.Value> variables = new java.util.LinkedHashMap<>(scope.variables());
    try {
      // kplan.workspace (and terraform.workspace) name the selected workspace, as in plan and apply
      dev.kplan.lang.value.Value workspace = dev.kplan.lang.value.Value.object(java.util.Map.of("workspace",
          dev.kplan.lang.value.Value.string(dev.kplan.engine.ops.WorkspaceSelection.current(root.workDir(),
              root.environment()))));
      variables.put("kplan", workspace);
      variables.put("terraform", workspace);
    } catch (dev.kplan.state.StateException e) {
      err.println(e.getMessage());
      return 1;
    }
    ConsoleEvaluator console = new ConsoleEvaluator(scope.functions(), variables);
    if (dev.kplan.cli.Terminal.stdinIsTerminal() && !json) {
      return interactive(console, out, err, scope);
    }
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!handle(line, console, out, err, scope)) {
          break;
        }
      }
    }
    return 0;
  }

  private int interactive(ConsoleEvaluator console, PrintWriter out, PrintWriter err, ModuleScope scope)
      throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("kplan").build();
      while (true) {
        String line;
        try {
          line = reader.readLine("> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        if (!handle(line, console, out, err, scope)) {
          return 0;
        }
      }
    }
  }

  /** Evaluates one line; false when the user asked to leave. */
  private boolean handle(String line, ConsoleEvaluator console, PrintWriter out, PrintWriter err, ModuleScope scope) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return true;
    }
    if (trimmed.equals("exit")) {
      return false;
    }
    ConsoleResult result = console.evaluate(trimmed);
    if (json) {
      out.println(result.toJsonLine());
    } else if (result instanceof ConsoleResult.Failure f) {
      out.flush();
      DiagnosticPrinter.print(err, f.diagnostics(), withConsoleSource(scope.module().sources(), trimmed), root.color());
    } else {
      out.println(result.toHuman());
    }
    out.flush();
    return true;
  }

  private static Map<String, String> withConsoleSource(Map<String, String> sources, String line) {
    Map<String, String> all = new java.util.HashMap<>(sources);
    all.put(ConsoleEvaluator.INPUT_NAME, line);
    return all;
  }
}
