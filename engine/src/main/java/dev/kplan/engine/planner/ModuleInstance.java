package dev.kplan.engine.planner;

import dev.kplan.engine.addrs.ModuleStep;
import dev.kplan.engine.config.Module;
import dev.kplan.lang.value.Value;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One instance of a module while the planner walks: what its expressions see ({@code var},
 * {@code local}, its resources' values by type and name, {@code module.CHILD} from its calls'
 * expansions and the children's outputs) and its own outputs. The root module has one instance
 * with the empty path; a call with {@code count}/{@code for_each} makes one per key.
 */
final class ModuleInstance {
  final List<ModuleStep> path;
  final List<String> configPath;
  final Module module;
  final ModuleInstance parent;
  /** {@code count.index} or {@code each.key}/{@code each.value} of this instance, for its call's arguments. */
  final Map<String, Value> repetition;
  /** {@code path.module}: the module's folder relative to the root's ({@code .} for the root). */
  final String folder;
  final Map<String, Value> variables = new LinkedHashMap<>();
  final Map<String, Value> locals = new LinkedHashMap<>();
  final Map<String, Map<String, Value>> managed = new TreeMap<>();
  final Map<String, Map<String, Value>> data = new TreeMap<>();
  /** Each managed resource type's object as last built; dropped when one of its resources is published. */
  final Map<String, Value> typeObjects = new HashMap<>();
  final Map<String, Value> outputs = new LinkedHashMap<>();
  /** Each call's expansion once walked; a null value when its instances could not be known. */
  final Map<String, Expansion.Result> calls = new HashMap<>();
  /** The child instances of each call, in key order. */
  final Map<String, List<ModuleInstance>> children = new HashMap<>();

  ModuleInstance(List<ModuleStep> path, List<String> configPath, Module module, ModuleInstance parent,
      Map<String, Value> repetition, String folder) {
    this.path = List.copyOf(path);
    this.configPath = List.copyOf(configPath);
    this.module = module;
    this.parent = parent;
    this.repetition = Map.copyOf(repetition);
    this.folder = folder;
  }

  /** The value {@code module.NAME} has here: one child's outputs, a tuple (count) or an object (for_each). */
  Value call(String name) {
    if (!calls.containsKey(name)) {
      return null;
    }
    Expansion.Result ex = calls.get(name);
    if (ex == null) {
      return Value.unknownOf(dev.kplan.lang.types.Type.DYNAMIC);
    }
    List<ModuleInstance> kids = children.getOrDefault(name, List.of());
    switch (ex.repetition()) {
      case SINGLE:
        return kids.isEmpty() ? Value.unknownOf(dev.kplan.lang.types.Type.DYNAMIC) : Value.object(kids.get(0).outputs);
      case COUNT: {
        List<Value> out = new java.util.ArrayList<>();
        kids.forEach(k -> out.add(Value.object(k.outputs)));
        return Value.tuple(out);
      }
      default: {
        Map<String, Value> out = new LinkedHashMap<>();
        kids.forEach(k -> out.put(((dev.kplan.engine.addrs.InstanceKey.StringKey) k.path.get(k.path.size() - 1).key())
            .value(), Value.object(k.outputs)));
        return Value.object(out);
      }
    }
  }
}
