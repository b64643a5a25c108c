package dev.kplan.cli;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.ops.StateBackends;
import dev.kplan.lang.console.ConsoleFormat;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import dev.kplan.state.OutputValue;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kplan output [NAME]}: the root outputs as last stored. As Terraform, listing all of them
 * hides sensitive values as {@code <sensitive>}; asking for one by name or as JSON shows it in clear
 * (the caller asked for exactly that value).
 */
@Command(name = "output", description = "Show the output values stored in the state.")
public final class OutputCommand implements Callable<Integer> {
  /** Built on first use: picocli creates every command when kplan starts, and most runs never need JSON here. */
  private static final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "-json", description = "Print the outputs (or the one named) as JSON.")
  boolean json;

  @Option(names = "-raw", description = "Print the named string, number or bool output without quotes.")
  boolean raw;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Print only this output.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (raw && (json || name == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "-raw needs an output NAME and cannot be combined with -json.");
    }
    // where the configuration's kplan block puts the state (its other problems are not output's concern)
    Path dir = root.workDir();
    Map<String, OutputValue> outputs;
    try {
      dev.kplan.engine.config.LoadResult loaded = ConfigLoader.load(dir);
      String location = StateBackends.location(dir, loaded.settings(), root.environment());
      if (StateBackends.isMissingFile(location, dir)) {
        outputs = Map.of(); // do not create a state just to find it empty
      } else {
        try (StateStore store = StateBackends.openSelected(dir, loaded, root.environment())) {
          StateSnapshot state = store.read();
          outputs = state.outputs();
        }
      }
    } catch (StateException e) {
      error(err, "Failed to read the state", e.getMessage());
      return 1;
    }
    if (name != null) {
      OutputValue o = outputs.get(name);
      if (o == null) {
        error(err, "Output \"" + name + "\" not found", "The output variable requested could not be found in the"
            + " state. If you recently added this to your configuration, be sure to run `kplan apply`, since the"
            + " state won't be updated with new output variables until that command is run.");
        return 1;
      }
      Value v = OperationOutput.value(o);
      if (json) {
        out.println(JsonCodec.encode(v));
      } else if (raw) {
        if (v.isNull() || !(v instanceof dev.kplan.lang.value.StringValue || v instanceof dev.kplan.lang.value.NumberValue
            || v instanceof dev.kplan.lang.value.BoolValue)) {
          error(err, "Unsupported value for raw output", "The -raw option only supports strings, numbers, and"
              + " boolean values, but output value \"" + name + "\" is not one of these.");
          return 1;
        }
        out.print(v instanceof dev.kplan.lang.value.StringValue s ? s.value()
            : v instanceof dev.kplan.lang.value.NumberValue n ? JsonCodec.numberText(n.value())
            : String.valueOf(((dev.kplan.lang.value.BoolValue) v).value()));
      } else {
        out.println(ConsoleFormat.format(v));
      }
      out.flush();
      return 0;
    }
    if (json) {
      ObjectNode all = Json.MAPPER.createObjectNode();
      for (OutputValue o : outputs.values()) {
        ObjectNode entry = all.putObject(o.name());
        entry.put("sensitive", o.sensitive());
        Value v = OperationOutput.value(o);
        entry.set("type", Json.MAPPER.readTree(JsonCodec.encodeType(v.type())));
        entry.set("value", Json.MAPPER.readTree(JsonCodec.encode(v)));
      }
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all));
      out.flush();
      return 0;
    }
    if (outputs.isEmpty()) {
      err.println();
      err.println("Warning: No outputs found");
      err.println();
      err.println("The state file either has no outputs defined, or all the defined outputs are empty. Please define"
          + " an output in your configuration with the `output` keyword and run `kplan apply` for it to become"
          + " available. If you are using interpolation, please verify the interpolated value is not empty.");
      err.flush();
      return 0;
    }
    OperationOutput.outputLines(out, outputs.values());
    out.flush();
    return 0;
  }

  private static void error(PrintWriter err, String summary, String detail) {
    err.println();
    err.println("Error: " + summary);
    err.println();
    err.println(detail);
    err.flush();
  }
}
