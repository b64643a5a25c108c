package dev.kplan.cli;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.ops.OperationOptions;
import dev.kplan.engine.ops.OperationResult;
import dev.kplan.engine.ops.Operations;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan import ADDR ID}: brings an existing object under management as the configured
 * instance ADDR, as an {@code import} block does; only the state changes (one new version). What
 * the configuration would still change about the object shows in the next plan.
 */
@Command(name = "import", description = "Associate an existing object with a resource instance in the state.")
public final class ImportCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "-var", paramLabel = "NAME=VALUE", description = "Set an input variable (repeatable).")
  List<String> vars = new ArrayList<>();

  @Option(names = "-var-file", paramLabel = "FILE", description = "Read input variables from a file (repeatable).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for the state lock (default 0s).")
  String lockTimeout = "0s";

  @Parameters(index = "0", paramLabel = "ADDR", description = "The configured instance to import into.")
  String address;

  @Parameters(index = "1", paramLabel = "ID", description = "The provider's ID of the existing object.")
  String id;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    PrintWriter out = cmd.getOut();
    PrintWriter err = cmd.getErr();
    Path dir = root.workDir();
    AddressParser.Result<ResourceAddress> to = ResourceAddress.parse(address);
    if (!to.ok() || to.value() == null) {
      OperationOutput.diagnostics(err, to.diagnostics().hasErrors() ? to.diagnostics()
          : Diagnostics.of(Diagnostic.error("Invalid address", "\"" + address + "\" is not a resource address.", null)),
          dir, root.color());
      return 1;
    }
    OperationOutput.Progress progress = new OperationOutput.Progress(out);
    OperationOptions options = OperationOptions.DEFAULT
        .withVariables(VariableArguments.parse(cmd, vars, varFiles, dir))
        .withEnvironment(root.environment())
        .withLockTimeout(OperationArguments.duration(cmd, lockTimeout))
        .withListener(progress);
    OperationResult r = new Operations().importObject(dir, options, to.value(), id);
    out.flush();
    OperationOutput.diagnostics(err, r.diagnostics(), dir, root.color());
    if (r.hasErrors()) {
      return 1;
    }
    out.println();
    out.println(root.color() ? "\u001b[1m\u001b[32mImport successful!\u001b[0m" : "Import successful!");
    out.println();
    out.println("The resources that were imported are shown above. These resources are now in your kplan state and"
        + " will henceforth be managed by kplan.");
    out.flush();
    return 0;
  }
}
