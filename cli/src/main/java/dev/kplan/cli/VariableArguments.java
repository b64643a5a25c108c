package dev.kplan.cli;

import dev.kplan.engine.config.VariableInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code -var name=value} and {@code -var-file=path} as typed. picocli groups each option's values,
 * so their relative order is recovered from the raw arguments (Terraform applies them in order).
 */
final class VariableArguments {
  private VariableArguments() {}

  static List<VariableInput> parse(CommandLine cmd, List<String> vars, List<Path> files, Path workDir) {
    List<VariableInput> inputs = new ArrayList<>();
    int v = 0;
    int f = 0;
    for (String arg : cmd.getParseResult().originalArgs()) {
      if ((arg.equals("-var") || arg.startsWith("-var=")) && v < vars.size()) {
        inputs.add(raw(cmd, vars.get(v++)));
      } else if ((arg.equals("-var-file") || arg.startsWith("-var-file=")) && f < files.size()) {
        inputs.add(new VariableInput.File(workDir.resolve(files.get(f++)), false));
      }
    }
    while (v < vars.size()) {
      inputs.add(raw(cmd, vars.get(v++)));
    }
    while (f < files.size()) {
      inputs.add(new VariableInput.File(workDir.resolve(files.get(f++)), false));
    }
    return inputs;
  }

  private static VariableInput raw(CommandLine cmd, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new CommandLine.ParameterException(cmd,
          "Invalid -var option: the given -var option \"" + assignment
              + "\" is not correctly specified. Must be a variable name and value separated by an equals sign, like -var=\"key=value\".");
    }
    return new VariableInput.Raw(assignment.substring(0, eq).strip(), assignment.substring(eq + 1), VariableInput.Origin.COMMAND_LINE);
  }
}
