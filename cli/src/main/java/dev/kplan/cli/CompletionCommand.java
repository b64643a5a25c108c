package dev.kplan.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kplan completion bash|zsh}: prints a shell completion script generated from the command model. */
@Command(
    name = "completion",
    description = {
      "Print a shell completion script.",
      "Load it with: source <(kplan completion bash)"
    })
public final class CompletionCommand implements Runnable {
  enum Shell {
    bash,
    zsh
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = "bash", description = "Shell: ${COMPLETION-CANDIDATES} (default: bash).")
  Shell shell;

  @Override
  public void run() {
    CommandLine root = spec.root().commandLine();
    // picocli's bash script also works in zsh through bashcompinit, which it enables itself
    spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
    spec.commandLine().getOut().flush();
  }
}
