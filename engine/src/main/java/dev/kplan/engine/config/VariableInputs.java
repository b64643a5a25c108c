package dev.kplan.engine.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Gathers the inputs Terraform would read, in its order of precedence (lowest first). */
public final class VariableInputs {
  public static final String ENV_PREFIX = "KPLAN_VAR_";
  public static final String AUTO_SUFFIX = ".auto.kpvars.hcl";

  private VariableInputs() {}

  /**
   * Environment {@code KPLAN_VAR_name}, then {@code *.auto.kpvars.hcl} files of {@code dir} in name
   * order, then {@code commandLine} ({@code -var} and {@code -var-file} as typed).
   */
  public static List<VariableInput> standard(Path dir, Map<String, String> env, List<VariableInput> commandLine)
      throws IOException {
    List<VariableInput> inputs = new ArrayList<>();
    new TreeMap<>(env).forEach((k, v) -> {
      if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
        inputs.add(new VariableInput.Raw(k.substring(ENV_PREFIX.length()), v, VariableInput.Origin.ENVIRONMENT));
      }
    });
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(AUTO_SUFFIX) && Files.isRegularFile(p))
            .sorted()
            .forEach(p -> inputs.add(new VariableInput.File(p, true)));
      }
    }
    inputs.addAll(commandLine);
    return inputs;
  }
}
