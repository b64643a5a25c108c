package dev.kplan.engine.planfile;

import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.lang.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code kplan apply FILE} needs to carry out a plan exactly as it was made: the plan
 * (its prior serial and lineage included), the options it was made with, the input variables'
 * values (sensitive ones too, marked: a plan file must be protected like the state), the root
 * outputs as stored when it was made (to show output changes), and the checksum of the
 * configuration files (a plan for another configuration is refused).
 */
public record PlanFile(
    Plan plan,
    PlanOptions options,
    Map<String, Value> variables,
    Map<String, Value> priorOutputs,
    String configChecksum) {
  public PlanFile {
    Objects.requireNonNull(plan, "plan is null");
    Objects.requireNonNull(options, "options is null");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    priorOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(priorOutputs));
    Objects.requireNonNull(configChecksum, "configChecksum is null");
  }
}
