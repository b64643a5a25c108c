package dev.kplan.cli;

import dev.kplan.engine.apply.ApplyEvent;
import dev.kplan.engine.apply.ApplyListener;
import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.lang.console.ConsoleFormat;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import dev.kplan.state.OutputValue;
import dev.kplan.state.StateSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** What plan, apply, destroy and output print besides the plan itself, worded as Terraform's. */
final class OperationOutput {
  private OperationOutput() {}

  /** Prints diagnostics to stderr, quoting the configuration's source text where they point into it. */
  static void diagnostics(PrintWriter err, Diagnostics diags, Path workDir, boolean color) {
    if (diags.isEmpty()) {
      return;
    }
    DiagnosticPrinter.print(err, diags, ConfigLoader.load(workDir).module().sources(), color);
  }

  /** The stored root outputs as values, sensitive ones marked (the renderers hide marked values). */
  static Map<String, Value> outputs(StateSnapshot state) {
    Map<String, Value> out = new LinkedHashMap<>();
    if (state == null) {
      return out;
    }
    for (OutputValue o : state.outputs().values()) {
      Value v = value(o);
      out.put(o.name(), o.sensitive() ? v.mark(Marks.SENSITIVE) : v);
    }
    return out;
  }

  /** A stored output's value with its exact type (outputs are stored typed, their type being any). */
  static Value value(OutputValue o) {
    return JsonCodec.decode(o.valueJson(), Type.DYNAMIC);
  }

  /** The "Outputs:" block printed after apply and by {@code kplan output}: sensitive values hidden. */
  static void printOutputs(PrintWriter out, StateSnapshot state, boolean heading) {
    if (state == null || state.outputs().isEmpty()) {
      return;
    }
    if (heading) {
      out.println();
      out.println("Outputs:");
      out.println();
    }
    outputLines(out, state.outputs().values());
  }

  /** One {@code name = value} line per output, sensitive values as {@code <sensitive>}. */
  static void outputLines(PrintWriter out, Collection<OutputValue> outputs) {
    for (OutputValue o : outputs) {
      out.println(o.name() + " = "
          + (o.sensitive() ? "<sensitive>" : ConsoleFormat.format(value(o))));
    }
  }

  /**
   * Asks for approval as Terraform does; only "yes" approves. Reads one line of standard input
   * without closing it.
   */
  static boolean approve(PrintWriter out, String question, String explanation) throws IOException {
    out.println(question);
    out.println("  " + explanation);
    out.println("  Only 'yes' will be accepted to approve.");
    out.println();
    out.print("  Enter a value: ");
    out.flush();
    String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    out.println();
    return answer != null && answer.strip().equals("yes");
  }

  /** Prints each apply event's line as it happens and counts what completed. */
  static final class Progress implements ApplyListener {
    private final PrintWriter out;
    final AtomicInteger imported = new AtomicInteger();
    final AtomicInteger added = new AtomicInteger();
    final AtomicInteger changed = new AtomicInteger();
    final AtomicInteger destroyed = new AtomicInteger();

    Progress(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void onEvent(ApplyEvent event) {
      // worker threads report concurrently: one line at a time
      synchronized (out) {
        out.println(event.message());
        out.flush();
      }
      if (event instanceof ApplyEvent.Completed c) {
        switch (c.kind()) {
          case CREATE -> added.incrementAndGet();
          case UPDATE -> changed.incrementAndGet();
          case DELETE -> destroyed.incrementAndGet();
          case IMPORT -> imported.incrementAndGet();
        }
      }
    }
  }
}
