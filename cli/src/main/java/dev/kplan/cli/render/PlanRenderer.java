package dev.kplan.cli.render;

import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.BlockSchema;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The human plan text, as Terraform users read it: the drift ("Objects have changed outside of
 * kplan"), the legend of the symbols used, each change with its reason and its folded attribute
 * diff, the summary line, then the output changes. Sensitive values print as
 * {@code (sensitive value)}, never in clear.
 */
public final class PlanRenderer {
  /** Terraform's width when output is not a terminal. */
  public static final int DEFAULT_WIDTH = 78;

  private PlanRenderer() {}

  /** The plan text when no outputs were stored before (every planned output is new). */
  public static String render(Plan plan, boolean color) {
    return render(plan, Map.of(), color);
  }

  /**
   * The plan text. {@code priorOutputs} are the root outputs as stored, against which the plan's
   * outputs are diffed (the plan carries only their planned values).
   */
  public static String render(Plan plan, Map<String, Value> priorOutputs, boolean color) {
    return render(plan, priorOutputs, color, DEFAULT_WIDTH);
  }

  /**
   * The plan text with prose paragraphs word-wrapped to {@code width} columns (the terminal's
   * width; {@link #DEFAULT_WIDTH} when not a terminal), as Terraform wraps them.
   */
  public static String render(Plan plan, Map<String, Value> priorOutputs, boolean color, int width) {
    return render(plan, priorOutputs, ResourceSchemas.NONE, color, width);
  }

  /** The plan text, nested blocks drawn as blocks where {@code schemas} knows the type's schema. */
  public static String render(Plan plan, Map<String, Value> priorOutputs, ResourceSchemas schemas, boolean color) {
    return render(plan, priorOutputs, schemas, color, DEFAULT_WIDTH);
  }

  /** The plan text, nested blocks drawn as blocks where {@code schemas} knows the type's schema. */
  public static String render(Plan plan, Map<String, Value> priorOutputs, ResourceSchemas schemas, boolean color,
      int width) {
    Style style = new Style(color);
    StringBuilder out = new StringBuilder();
    List<ResourceChange> actions = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      // a data source's delete only cleans state up: Terraform does not show it
      boolean dataDelete = c.action() == Action.DELETE && c.address().mode() == ResourceMode.DATA;
      if ((c.action() != Action.NO_OP || moved(c) || c.importing() != null) && !dataDelete) {
        actions.add(c);
      }
    }
    List<String> outputLines = outputLines(plan.outputs(), priorOutputs, style);
    boolean refreshOnly = plan.mode() == PlanMode.REFRESH_ONLY;

    boolean nothingToDo = actions.isEmpty() && outputLines.isEmpty();
    if (!plan.interrupted().isEmpty()) {
      out.append('\n').append(style.bold(style.cyan("Note:")))
          .append(style.bold(" Objects of an interrupted apply")).append("\n\n");
      for (dev.kplan.engine.plan.InterruptedCreate i : plan.interrupted()) {
        out.append("  - ").append(i.note()).append('\n');
      }
    }
    // as Terraform, only current objects are reported as drift (a deposed one is about to go anyway)
    List<Drift> drifted = plan.drift().stream().filter(d -> d.deposedKey() == null).toList();
    // as Terraform, drift is news only when it may matter: in a refresh-only plan, or next to changes; and,
    // unlike Terraform, always when it touches security (a port opened to the world by hand plans no action)
    boolean securitySensitive = drifted.stream()
        .anyMatch(d -> d.attribution().stream().anyMatch(dev.kplan.provider.Attribution::securitySensitive));
    if (!drifted.isEmpty() && (refreshOnly || !nothingToDo || securitySensitive)) {
      out.append('\n').append(style.bold(style.cyan("Note:"))).append(style.bold(" Objects have changed outside of kplan"))
          .append("\n\n");
      out.append(wrap("kplan detected the following changes made outside of kplan since the last \"kplan apply\""
          + (refreshOnly ? ":" : " which may have affected this plan:"), width)).append('\n');
      for (Drift d : drifted) {
        out.append('\n');
        ResourceChange c = plan.change(d.address());
        renderDrift(d, schemas.of(d.address(), c != null ? c.provider() : ProviderAddress.implied(d.address().type())),
            style, out);
      }
      out.append("\n\n");
      if (refreshOnly) {
        out.append(wrap("This is a refresh-only plan, so kplan will not take any actions to undo these. If you were"
            + " expecting these changes then you can apply this plan to record the updated values in the kplan"
            + " state without changing any remote objects.", width)).append('\n');
        if (outputLines.isEmpty()) {
          return out.toString();
        }
      } else {
        out.append(wrap("Unless you have made equivalent changes to your configuration, or ignored the relevant"
            + " attributes using ignore_changes, the following plan may include actions to undo or respond to"
            + " these changes.", width)).append('\n');
      }
      out.append('\n').append(style.darkGray("─".repeat(Math.max(1, width - 1)))).append('\n');
    }

    if (refreshOnly) {
      // a refresh-only plan takes no actions, but it may still change outputs (as Terraform shows them)
      if (outputLines.isEmpty()) {
        out.append('\n').append(style.bold(style.green("No changes.")))
            .append(style.bold(" Your infrastructure still matches the configuration.")).append("\n\n")
            .append(wrap("kplan has checked that the real remote objects still match the result of your most"
                + " recent changes, and found no differences.", width)).append('\n');
        return out.toString();
      }
      actions.clear();
    }

    if (nothingToDo) {
      out.append('\n').append(style.bold(style.green("No changes.")));
      if (plan.mode() == PlanMode.DESTROY) {
        out.append(style.bold(" No objects need to be destroyed.")).append("\n\n").append(wrap("Either you have"
            + " not created any objects yet or the existing objects were already deleted outside of kplan.", width));
      } else {
        out.append(style.bold(" Your infrastructure matches the configuration.")).append("\n\n").append(wrap(
            "kplan has compared your real infrastructure against your configuration and found no differences, so"
            + " no changes are needed.", width));
      }
      return out.append('\n').toString();
    }

    if (!actions.isEmpty()) {
      Set<Action> used = EnumSet.noneOf(Action.class);
      actions.forEach(c -> used.add(c.action()));
      used.remove(Action.NO_OP);
      // a plan of moves only has nothing for the legend to explain
      if (!used.isEmpty()) {
        out.append('\n').append(wrap("kplan used the selected providers to generate the following execution plan."
            + " Resource actions are indicated with the following symbols:", width)).append('\n');
        legend(used, style, out);
      }
      out.append("\nkplan will perform the following actions:\n\n");
      for (ResourceChange c : actions) {
        renderChange(c, schemas.of(c.address(), c.provider()), style, out);
        out.append('\n');
      }
      int add = 0;
      int change = 0;
      int destroy = 0;
      int imports = 0;
      int forget = 0;
      for (ResourceChange c : actions) {
        if (c.importing() != null) {
          imports++;
        }
        switch (c.action()) {
          case CREATE -> add++;
          case UPDATE -> change++;
          case DELETE -> destroy++;
          case DELETE_THEN_CREATE, CREATE_THEN_DELETE -> {
            add++;
            destroy++;
          }
          case FORGET -> forget++;
          case NO_OP, READ -> { }
        }
      }
      out.append(style.bold("Plan:")).append(' ');
      if (imports > 0) {
        out.append(imports).append(" to import, ");
      }
      out.append(add).append(" to add, ").append(change).append(" to change, ").append(destroy).append(" to destroy")
          .append(forget > 0 ? ", " + forget + " to forget.\n" : ".\n");
    }
    if (!outputLines.isEmpty()) {
      out.append("\nChanges to Outputs:\n");
      outputLines.forEach(l -> out.append(l).append('\n'));
      if (actions.isEmpty()) {
        out.append('\n').append(wrap("You can apply this plan to save these new output values to the kplan"
            + " state, without changing any real infrastructure.", width)).append('\n');
      }
    }
    return out.toString();
  }

  /** True when the plan would change some root output from its stored value (as "Changes to Outputs" lists). */
  public static boolean changesOutputs(Plan plan, Map<String, Value> priorOutputs) {
    return !outputLines(plan.outputs(), priorOutputs, new Style(false)).isEmpty();
  }

  /**
   * Whether an output keeps its value: the same value, sensitive or not as before. The state keeps
   * only whether an output is sensitive, not which parts, so marks are compared as a whole.
   */
  static boolean sameOutput(Value stored, Value planned) {
    return ValueMarks.unmarkDeep(stored).equals(ValueMarks.unmarkDeep(planned))
        && ValueMarks.deepMarks(stored).isSensitive() == ValueMarks.deepMarks(planned).isSensitive();
  }

  /** Greedy word wrap of one paragraph, as Terraform's format.WordWrap does for unindented prose. */
  static String wrap(String text, int width) {
    StringBuilder sb = new StringBuilder();
    int col = 0;
    for (String word : text.split(" ")) {
      if (col > 0 && col + 1 + word.length() > width) {
        sb.append('\n');
        col = 0;
      } else if (col > 0) {
        sb.append(' ');
        col++;
      }
      sb.append(word);
      col += word.length();
    }
    return sb.toString();
  }

  private static void legend(Set<Action> used, Style style, StringBuilder out) {
    if (used.contains(Action.CREATE)) {
      out.append("  ").append(style.green("+")).append(" create\n");
    }
    if (used.contains(Action.UPDATE)) {
      out.append("  ").append(style.yellow("~")).append(" update in-place\n");
    }
    if (used.contains(Action.DELETE)) {
      out.append("  ").append(style.red("-")).append(" destroy\n");
    }
    if (used.contains(Action.DELETE_THEN_CREATE)) {
      out.append(actionSymbol(Action.DELETE_THEN_CREATE, style)).append(" destroy and then create replacement\n");
    }
    if (used.contains(Action.CREATE_THEN_DELETE)) {
      out.append(actionSymbol(Action.CREATE_THEN_DELETE, style)).append(" create replacement and then destroy\n");
    }
    if (used.contains(Action.FORGET)) {
      out.append(actionSymbol(Action.FORGET, style)).append(" forget\n");
    }
    if (used.contains(Action.READ)) {
      out.append(actionSymbol(Action.READ, style)).append(" read (data resources)\n");
    }
  }

  /** The three-column symbol in front of a resource block. */
  private static String actionSymbol(Action a, Style style) {
    return switch (a) {
      case CREATE -> "  " + style.green("+");
      case UPDATE -> "  " + style.yellow("~");
      case DELETE -> "  " + style.red("-");
      case DELETE_THEN_CREATE -> style.red("-") + "/" + style.green("+");
      case CREATE_THEN_DELETE -> style.green("+") + "/" + style.red("-");
      case READ -> " " + style.cyan("<=");
      case NO_OP -> "   ";
      case FORGET -> "  " + style.red(".");
    };
  }

  private static void renderChange(ResourceChange c, BlockSchema schema, Style style, StringBuilder out) {
    String addr = style.bold("  # " + c.address() + (c.deposedKey() == null ? "" : " (deposed object " + c.deposedKey()
        + ")"));
    String replaced = style.bold(style.red("replaced"));
    String verb = switch (c.action()) {
      case CREATE -> " will be created";
      case UPDATE -> " will be updated in-place";
      case DELETE -> " will be " + style.bold(style.red("destroyed"));
      case READ -> " will be read during apply";
      case NO_OP -> c.importing() != null ? " will be imported" : " has no changes";
      case FORGET -> " will no longer be managed by kplan";
      case DELETE_THEN_CREATE, CREATE_THEN_DELETE -> switch (c.reason()) {
        case REPLACE_BECAUSE_TAINTED -> " is tainted, so it must be " + replaced;
        case REPLACE_BY_REQUEST -> " will be " + replaced + ", as requested";
        case REPLACE_BY_TRIGGERS -> " will be " + replaced + " due to changes in replace_triggered_by";
        default -> " must be " + replaced;
      };
    };
    if (c.action() == Action.NO_OP && moved(c)) {
      out.append(style.bold("  # " + c.previousAddress())).append(" has moved to ")
          .append(style.bold(c.address().toString())).append('\n');
    } else {
      out.append(addr).append(verb).append('\n');
      if (moved(c)) {
        out.append("  # (moved from ").append(c.previousAddress()).append(")\n");
      }
      if (c.deposedKey() != null) {
        out.append("  # (left over from a partially-failed replacement of this instance)\n");
      }
      if (c.importing() != null && c.action() != Action.NO_OP) {
        out.append("  # (imported from \"").append(c.importing()).append("\")\n");
      }
    }
    String because = reasonLine(c);
    if (because != null) {
      out.append("  # ").append(because).append('\n');
    }
    Value before = c.action() == Action.CREATE || c.action() == Action.READ ? null : c.before();
    // a forgotten object is not changed: it is shown as it stands
    Value after = c.action() == Action.DELETE ? null : c.action() == Action.FORGET ? c.before() : c.after();
    block(c.address(), actionSymbol(c.action(), style), body(schema, style, c.replacePaths(), before, after), out);
  }

  private static boolean moved(ResourceChange c) {
    return c.previousAddress() != null && !c.previousAddress().equals(c.address());
  }

  /** Terraform's "(because …)" line under the header, or null where the header says it all. */
  private static String reasonLine(ResourceChange c) {
    ResourceAddress a = c.address();
    return switch (c.reason()) {
      case DELETE_BECAUSE_NO_RESOURCE_CONFIG -> "(because " + a.resource() + " is not in configuration)";
      case DELETE_BECAUSE_NO_MODULE -> "(because " + a.modulePath() + " is not in configuration)";
      case DELETE_BECAUSE_COUNT_INDEX -> "(because index " + a.key().text() + " is out of range for count)";
      case DELETE_BECAUSE_EACH_KEY -> "(because key " + a.key().text() + " is not in for_each map)";
      case DELETE_BECAUSE_WRONG_REPETITION -> a.key() instanceof InstanceKey.None
          ? "(because resource uses count or for_each)"
          : a.key() instanceof InstanceKey.IntKey ? "(because resource does not use count)"
          : "(because resource does not use for_each)";
      case READ_BECAUSE_CONFIG_UNKNOWN -> "(config refers to values not yet known)";
      case FORGET_BECAUSE_REMOVED -> "(because of a removed block with lifecycle.destroy = false)";
      case NONE, DELETE_BECAUSE_DESTROY_MODE, REPLACE_BY_REQUEST, REPLACE_BECAUSE_TAINTED,
          REPLACE_BECAUSE_CANNOT_UPDATE, REPLACE_BY_TRIGGERS -> null;
    };
  }

  /** A resource's body: by its schema where known (nested blocks as blocks), else from its value. */
  private static ValueDiff.Body body(BlockSchema schema, Style style, List<Path> replacePaths, Value before,
      Value after) {
    return schema == null ? new ValueDiff(style, replacePaths).objectBody(before, after, 2)
        : new BlockDiff(style, replacePaths).body(schema, before, after, 2);
  }

  private static void renderDrift(Drift d, BlockSchema schema, Style style, StringBuilder out) {
    boolean deleted = d.cause() == DriftCause.DELETED || d.live().isNull();
    out.append(style.bold("  # " + d.address())).append(deleted ? " has been deleted" : " has changed")
        .append(classLabel(new java.util.ArrayList<>(DriftFields.classes(d)), deleted)).append('\n');
    if (deleted) {
      for (Attribution at : d.attribution()) {
        out.append("  # (");
        if (!at.path().steps().isEmpty()) {
          out.append(at.path()).append(' ');
        }
        out.append("deleted by ").append(at.manager());
        if (!at.operation().isEmpty()) {
          out.append(" (").append(at.operation()).append(')');
        }
        if (at.time() != null) {
          out.append(" at ").append(at.time());
        }
        out.append(")\n");
      }
    } else {
      for (DriftFields.Field f : DriftFields.of(d)) {
        Attribution at = f.attribution();
        out.append("  # ").append(DriftFields.pathText(at.path())).append(": ").append(f.change()).append(" (").append(at.manager());
        if (!at.operation().isEmpty()) {
          out.append(", ").append(at.operation());
        }
        if (at.time() != null) {
          out.append(", ").append(at.time());
        }
        out.append(')').append(classLabel(DriftFields.classes(at), false)).append('\n');
      }
    }
    Action shown = deleted ? Action.DELETE : Action.UPDATE;
    Value live = deleted ? null : d.live();
    block(d.address(), actionSymbol(shown, style), body(schema, style, List.of(), d.before(), live), out);
  }

  /** " [manual, SECURITY-SENSITIVE]": how a drift is classified, security in capitals to stand out. */
  private static String classLabel(List<String> classes, boolean deleted) {
    List<String> shown = new ArrayList<>();
    for (String c : classes) {
      if (c.equals(DriftFields.SECURITY_SENSITIVE)) {
        shown.add("SECURITY-SENSITIVE");
      } else if (!(deleted && c.equals(DriftFields.DELETED))) {
        shown.add(c.equals(DriftFields.MANUAL) ? "manual change" : c);
      }
    }
    return shown.isEmpty() ? "" : " [" + String.join(", ", shown) + "]";
  }

  private static void block(ResourceAddress a, String symbol, ValueDiff.Body body, StringBuilder out) {
    String keyword = a.mode() == ResourceMode.DATA ? "data" : "resource";
    out.append(symbol).append(' ').append(keyword).append(" \"").append(a.type()).append("\" \"")
        .append(a.name()).append("\" {");
    if (body.lines().isEmpty()) {
      out.append("}\n");
      return;
    }
    out.append('\n');
    body.lines().forEach(l -> out.append(l).append('\n'));
    out.append("    }\n");
  }

  private static List<String> outputLines(Map<String, Value> planned, Map<String, Value> prior, Style style) {
    Set<String> names = new TreeSet<>(planned.keySet());
    names.addAll(prior.keySet());
    ValueDiff diff = new ValueDiff(style, List.of());
    List<String> labels = new ArrayList<>();
    List<ValueDiff.Rendered> shown = new ArrayList<>();
    for (String n : names) {
      Value b = prior.get(n);
      Value a = planned.get(n);
      if (b != null && a != null && (b.isNull() && a.isNull() || sameOutput(b, a))) {
        continue;
      }
      ValueDiff.Rendered r = diff.diff(b, a, 2, Path.ROOT, true);
      if (b != null && a != null && r.kind() == DiffKind.NO_OP) {
        continue;
      }
      // a new output whose value is null still shows, as Terraform's "+ x = null"
      if (r.kind() == DiffKind.NO_OP) {
        r = new ValueDiff.Rendered(b == null ? DiffKind.CREATE : DiffKind.DELETE, r.text());
      }
      labels.add(n);
      shown.add(r);
    }
    int width = labels.stream().mapToInt(String::length).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      ValueDiff.Rendered r = shown.get(i);
      lines.add("  " + style.symbol(r.kind()) + " " + labels.get(i) + " ".repeat(width - labels.get(i).length())
          + " = " + r.text());
    }
    return lines;
  }
}
