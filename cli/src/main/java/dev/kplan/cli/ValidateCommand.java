package dev.kplan.cli;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.ops.ConfigValidator;
import dev.kplan.lang.diag.DiagnosticRenderer;
import dev.kplan.lang.diag.Diagnostics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kplan validate [-json]}: checks the configuration without state, variable values or remote
 * calls (see {@link ConfigValidator}); "Success! The configuration is valid." or the diagnostics,
 * exit 1 on error. {@code -json} writes Terraform's validate document ({@code format_version},
 * {@code valid}, {@code error_count}, {@code warning_count}, {@code diagnostics[]}) to stdout.
 */
@Command(name = "validate", description = "Check whether the configuration is valid.")
public final class ValidateCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "-json", description = "Print the result as JSON, as Terraform's validate -json.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = root.workDir();
    Diagnostics diags = ConfigValidator.validate(dir);
    int errors = diags.errors().size();
    int warnings = diags.items().size() - errors;
    if (json) {
      DiagnosticRenderer renderer = DiagnosticRenderer.plain(ConfigLoader.load(dir).module().sources());
      out.println("{\"format_version\":\"1.0\",\"valid\":" + (errors == 0) + ",\"error_count\":" + errors
          + ",\"warning_count\":" + warnings + ",\"diagnostics\":" + renderer.toJson(diags) + "}");
      out.flush();
      return errors == 0 ? 0 : 1;
    }
    OperationOutput.diagnostics(err, diags, dir, root.color());
    if (errors > 0) {
      return 1;
    }
    String success = "Success! The configuration is valid" + (warnings > 0 ? ", but there were some validation warnings"
        + " as shown above." : ".");
    if (warnings > 0) {
      out.println();
    }
    out.println(root.color() ? "\u001b[32m\u001b[1mSuccess!\u001b[0m" + success.substring("Success!".length()) : success);
    out.flush();
    return 0;
  }
}
