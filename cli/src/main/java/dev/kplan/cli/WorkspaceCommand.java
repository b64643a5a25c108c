package dev.kplan.cli;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.ops.StateBackends;
import dev.kplan.engine.ops.WorkspaceSelection;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateException;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan workspace list|new|select|show|delete}: several states in one store, one per
 * environment or cluster. The selection is remembered per working folder in
 * {@code .kplan/environment}; {@code KPLAN_WORKSPACE} overrides it.
 */
@Command(name = "workspace", description = "Manage workspaces: several states in one store.",
    subcommands = {WorkspaceCommand.List.class, WorkspaceCommand.New.class, WorkspaceCommand.Select.class,
        WorkspaceCommand.Show.class, WorkspaceCommand.Delete.class})
public final class WorkspaceCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 1;
  }

  /** The work of one subcommand on the store's base (default workspace); a StateException is its diagnostic. */
  interface Work {
    int run(JdbcStateStore store, String current, PrintWriter out) throws StateException;
  }

  int run(CommandLine.Model.CommandSpec sub, String failure, Work work) {
    PrintWriter out = sub.commandLine().getOut();
    PrintWriter err = sub.commandLine().getErr();
    Path dir = root.workDir();
    try (JdbcStateStore store = StateBackends.open(dir, ConfigLoader.load(dir).settings(), root.environment())) {
      int code = work.run(store, WorkspaceSelection.current(dir, root.environment()), out);
      out.flush();
      return code;
    } catch (StateException e) {
      out.flush();
      OperationOutput.diagnostics(err, Diagnostics.of(Diagnostic.error(failure, e.getMessage(), null)), dir,
          root.color());
      return 1;
    }
  }

  @Command(name = "list", description = "List the workspaces; the selected one is marked with *.")
  static final class List implements Callable<Integer> {
    @CommandLine.ParentCommand WorkspaceCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return parent.run(spec, "Failed to list the workspaces", (store, current, out) -> {
        for (String name : store.workspaces()) {
          out.println((name.equals(current) ? "* " : "  ") + name);
        }
        return 0;
      });
    }
  }

  @Command(name = "show", description = "Print the selected workspace's name.")
  static final class Show implements Callable<Integer> {
    @CommandLine.ParentCommand WorkspaceCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws StateException {
      PrintWriter out = spec.commandLine().getOut();
      out.println(WorkspaceSelection.current(parent.root.workDir(), parent.root.environment()));
      out.flush();
      return 0;
    }
  }

  @Command(name = "new", description = "Create a workspace and select it.")
  static final class New implements Callable<Integer> {
    @CommandLine.ParentCommand WorkspaceCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      return parent.run(spec, "Failed to create workspace " + name, (store, current, out) -> {
        store.createWorkspace(name);
        out.println("Created and selected workspace \"" + name + "\"!");
        out.println("You're now on a new, empty workspace. Workspaces isolate their state, so if you run"
            + " \"kplan plan\" kplan will not see any existing state for this configuration.");
        return parent.select(name, out);
      });
    }
  }

  @Command(name = "select", description = "Select the workspace this folder uses.")
  static final class Select implements Callable<Integer> {
    @CommandLine.ParentCommand WorkspaceCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      return parent.run(spec, "Failed to select workspace " + name, (store, current, out) -> {
        if (!store.workspaces().contains(name)) {
          throw new StateException("Workspace \"" + name + "\" doesn't exist. Create it with \"kplan workspace new "
              + name + "\"; the workspaces are: " + String.join(", ", store.workspaces()) + ".");
        }
        if (WorkspaceSelection.fromEnvironment(parent.root.environment())) {
          throw new StateException("The selected workspace is given by " + WorkspaceSelection.VARIABLE + " (\""
              + current + "\"), which select cannot change: unset it first.");
        }
        int code = parent.select(name, out);
        out.println("Switched to workspace \"" + name + "\".");
        return code;
      });
    }
  }

  @Command(name = "delete", description = "Delete a workspace and its whole history (not the current one).")
  static final class Delete implements Callable<Integer> {
    @CommandLine.ParentCommand WorkspaceCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "-force", description = "Delete it even though its state still holds objects.")
    boolean force;

    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      return parent.run(spec, "Failed to delete workspace " + name, (store, current, out) -> {
        if (name.equals(current)) {
          throw new StateException("Workspace \"" + name + "\" is the selected one and cannot be deleted: select"
              + " another first (\"kplan workspace select default\").");
        }
        store.deleteWorkspace(name, force);
        out.println("Deleted workspace \"" + name + "\"!");
        return 0;
      });
    }
  }

  private int select(String name, PrintWriter out) throws StateException {
    if (!WorkspaceSelection.fromEnvironment(root.environment())) {
      WorkspaceSelection.select(root.workDir(), name);
    }
    return 0;
  }
}
