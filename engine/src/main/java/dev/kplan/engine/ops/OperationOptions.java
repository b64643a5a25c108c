package dev.kplan.engine.ops;

import dev.kplan.engine.apply.ApplyListener;
import dev.kplan.engine.config.VariableInput;
import dev.kplan.engine.plan.PlanOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run an operation: planning options, {@code -var}/{@code -var-file} inputs as typed, the
 * environment ({@code KPLAN_VAR_*}), {@code -lock-timeout}, {@code -parallelism}, who is running it
 * (named in the lock), where the state is ({@code null}: {@code .kplan/state.mv.db} beside the
 * configuration) and who hears about apply progress.
 */
public record OperationOptions(
    PlanOptions plan,
    List<VariableInput> variables,
    Map<String, String> environment,
    Duration lockTimeout,
    int parallelism,
    String who,
    Path stateFile,
    ApplyListener listener) {
  public static final OperationOptions DEFAULT = new OperationOptions(PlanOptions.DEFAULT, List.of(), Map.of(),
      Duration.ZERO, 10, System.getProperty("user.name", "kplan"), null, ApplyListener.NONE);

  public OperationOptions {
    Objects.requireNonNull(plan, "plan is null");
    variables = List.copyOf(variables);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(lockTimeout, "lockTimeout is null");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    Objects.requireNonNull(who, "who is null");
    Objects.requireNonNull(listener, "listener is null");
  }

  public OperationOptions withPlan(PlanOptions p) {
    return new OperationOptions(p, variables, environment, lockTimeout, parallelism, who, stateFile, listener);
  }

  public OperationOptions withLockTimeout(Duration t) {
    return new OperationOptions(plan, variables, environment, t, parallelism, who, stateFile, listener);
  }

  public OperationOptions withParallelism(int n) {
    return new OperationOptions(plan, variables, environment, lockTimeout, n, who, stateFile, listener);
  }

  public OperationOptions withWho(String w) {
    return new OperationOptions(plan, variables, environment, lockTimeout, parallelism, w, stateFile, listener);
  }

  public OperationOptions withStateFile(Path f) {
    return new OperationOptions(plan, variables, environment, lockTimeout, parallelism, who, f, listener);
  }

  public OperationOptions withListener(ApplyListener l) {
    return new OperationOptions(plan, variables, environment, lockTimeout, parallelism, who, stateFile, l);
  }

  public OperationOptions withEnvironment(Map<String, String> e) {
    return new OperationOptions(plan, variables, e, lockTimeout, parallelism, who, stateFile, listener);
  }

  public OperationOptions withVariables(List<VariableInput> v) {
    return new OperationOptions(plan, v, environment, lockTimeout, parallelism, who, stateFile, listener);
  }
}
