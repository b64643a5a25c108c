package dev.kplan.cli;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.graph.GraphBuilder;
import dev.kplan.lang.diag.Diagnostics;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kplan graph}: the configuration's dependency graph in Graphviz DOT (render it with
 * {@code kplan graph | dot -Tsvg > graph.svg}). Built from the references each expression lists
 * and {@code depends_on}, without evaluating anything or contacting a provider.
 */
@Command(name = "graph", description = "Print the dependency graph of the configuration as Graphviz DOT.")
public final class GraphCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LoadResult loaded = ConfigLoader.load(root.workDir());
    GraphBuilder.Result built = GraphBuilder.build(loaded.module());
    Diagnostics diags = loaded.diagnostics().plus(built.diagnostics());
    DiagnosticPrinter.print(spec.commandLine().getErr(), diags, loaded.module().sources(), root.color());
    if (diags.hasErrors()) {
      return 1;
    }
    spec.commandLine().getOut().print(built.graph().toDot());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
