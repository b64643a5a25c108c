package dev.kplan.engine.states;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.state.OutputValue;
import dev.kplan.state.RecordedMoves;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What changed from one state version to another, per object and top-level attribute. An object
 * that moved ({@code state mv}, a {@code moved} block) is shown as a move, with whatever else
 * changed about it, not as delete + create. Moves come from what the store recorded when they
 * happened; only where the range includes versions written before kplan recorded moves is an
 * object that left one address and appeared at another with the same type, provider and
 * attributes taken for a move. Values of sensitive attributes are never shown.
 */
public final class StateDiff {
  /** Shown instead of a sensitive value. */
  public static final String SENSITIVE = "(sensitive value)";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StateDiff() {}

  /** One difference. */
  public sealed interface Entry permits Added, Removed, Moved, Changed, OutputChanged {}

  public record Added(String address) implements Entry {}

  public record Removed(String address) implements Entry {}

  /** An object now at another address; {@code attributes} what else changed about it (empty: nothing). */
  public record Moved(String from, String to, List<AttributeChange> attributes) implements Entry {
    public Moved {
      attributes = List.copyOf(attributes);
    }

    public Moved(String from, String to) {
      this(from, to, List.of());
    }
  }

  public record Changed(String address, List<AttributeChange> attributes) implements Entry {}

  /** An output added (before null), removed (after null) or changed; values rendered, sensitive masked. */
  public record OutputChanged(String name, String before, String after) implements Entry {}

  /** A top-level attribute (or {@code (tainted)}, {@code (provider)}) before and after; null where absent. */
  public record AttributeChange(String name, String before, String after) {}

  /** The differences from {@code a} to {@code b}, moves inferred from equal objects (no recorded moves known). */
  public static List<Entry> between(StateSnapshot a, StateSnapshot b) {
    return between(a, b, RecordedMoves.unknown());
  }

  /**
   * The differences from {@code a} to {@code b}, objects in address order, then outputs, with the
   * moves the store recorded between them ({@link dev.kplan.state.StateStore#moves}).
   */
  public static List<Entry> between(StateSnapshot a, StateSnapshot b, RecordedMoves recorded) {
    Map<String, String> moves = new TreeMap<>(StateDiff::compareAddresses);
    recorded.moves().forEach((from, to) -> {
      if (a.resources().containsKey(from) && b.resources().containsKey(to)) {
        moves.put(from, to);
      }
    });
    Set<String> movedTo = new HashSet<>(moves.values());
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<Entry> out = new ArrayList<>();
    Set<String> all = new TreeSet<>(StateDiff::compareAddresses);
    all.addAll(a.resources().keySet());
    all.addAll(b.resources().keySet());
    for (String address : all) {
      ResourceInstance before = moves.containsKey(address) ? null : a.resources().get(address);
      ResourceInstance after = movedTo.contains(address) ? null : b.resources().get(address);
      if (before == null && after == null) {
        continue;
      } else if (before == null) {
        added.add(address);
      } else if (after == null) {
        removed.add(address);
      } else if (!before.equals(after)) {
        out.add(new Changed(address, attributes(before, after)));
      }
    }
    moves.forEach((from, to) -> {
      ResourceInstance before = a.resources().get(from);
      ResourceInstance after = b.resources().get(to);
      out.add(new Moved(from, to, sameContent(before, after) ? List.of() : attributes(before, after)));
    });
    Set<String> paired = new HashSet<>();
    if (!recorded.complete()) {
      for (String r : removed) {
        ResourceInstance gone = a.resources().get(r);
        for (Iterator<String> it = added.iterator(); it.hasNext();) {
          String candidate = it.next();
          ResourceInstance appeared = b.resources().get(candidate);
          if (sameObject(gone, appeared)) {
            out.add(new Moved(r, candidate));
            paired.add(r);
            it.remove();
            break;
          }
        }
      }
    }
    for (String r : removed) {
      if (!paired.contains(r)) {
        out.add(new Removed(r));
      }
    }
    added.forEach(x -> out.add(new Added(x)));
    out.sort((x, y) -> compareAddresses(subject(x), subject(y)));
    Set<String> names = new TreeSet<>(a.outputs().keySet());
    names.addAll(b.outputs().keySet());
    for (String name : names) {
      OutputValue before = a.outputs().get(name);
      OutputValue after = b.outputs().get(name);
      if (before == null || after == null || !before.equals(after)) {
        out.add(new OutputChanged(name, output(before), output(after)));
      }
    }
    return out;
  }

  /** Everything but the address equal. */
  private static boolean sameContent(ResourceInstance x, ResourceInstance y) {
    return x.providerAddress().equals(y.providerAddress()) && x.schemaVersion() == y.schemaVersion()
        && x.attributesJson().equals(y.attributesJson()) && x.sensitivePathsJson().equals(y.sensitivePathsJson())
        && x.dependencies().equals(y.dependencies()) && x.tainted() == y.tainted()
        && java.util.Objects.equals(x.privateData(), y.privateData());
  }

  private static String subject(Entry e) {
    if (e instanceof Added x) {
      return x.address();
    } else if (e instanceof Removed x) {
      return x.address();
    } else if (e instanceof Moved x) {
      return x.to();
    } else if (e instanceof Changed x) {
      return x.address();
    }
    return "";
  }

  /** Same type, same provider, same attributes: the same object at another address. */
  private static boolean sameObject(ResourceInstance x, ResourceInstance y) {
    return x.providerAddress().equals(y.providerAddress()) && typeOf(x.address()).equals(typeOf(y.address()))
        && JSON.readTree(x.attributesJson()).equals(JSON.readTree(y.attributesJson()));
  }

  private static String typeOf(String address) {
    AddressParser.Result<ResourceAddress> a = ResourceAddress.parse(address);
    return a.ok() && a.value() != null ? a.value().mode() + " " + a.value().type() : address;
  }

  private static List<AttributeChange> attributes(ResourceInstance before, ResourceInstance after) {
    List<AttributeChange> out = new ArrayList<>();
    if (!before.providerAddress().equals(after.providerAddress())) {
      out.add(new AttributeChange("(provider)", before.providerAddress(), after.providerAddress()));
    }
    if (before.tainted() != after.tainted()) {
      out.add(new AttributeChange("(tainted)", String.valueOf(before.tainted()), String.valueOf(after.tainted())));
    }
    JsonNode x = JSON.readTree(before.attributesJson());
    JsonNode y = JSON.readTree(after.attributesJson());
    Set<String> sensitive = new HashSet<>(sensitiveAttributes(before));
    sensitive.addAll(sensitiveAttributes(after));
    Set<String> names = new TreeSet<>(x.propertyNames());
    names.addAll(y.propertyNames());
    for (String name : names) {
      JsonNode b = x.get(name);
      JsonNode c = y.get(name);
      if (b == null ? c == null : b.equals(c)) {
        continue;
      }
      if (sensitive.contains(name)) {
        out.add(new AttributeChange(name, b == null ? null : SENSITIVE, c == null ? null : SENSITIVE));
      } else {
        out.add(new AttributeChange(name, b == null ? null : b.toString(), c == null ? null : c.toString()));
      }
    }
    if (out.isEmpty()) {
      out.add(new AttributeChange("(dependencies or private data)", null, null));
    }
    return out;
  }

  /** The top-level attributes a sensitive path starts in (a whole attribute is hidden when any part is sensitive). */
  static Set<String> sensitiveAttributes(ResourceInstance r) {
    Set<String> out = new HashSet<>();
    for (JsonNode path : JSON.readTree(r.sensitivePathsJson())) {
      JsonNode first = path.get(0);
      if (first != null && "get_attr".equals(first.path("type").asString())) {
        out.add(first.path("value").asString());
      }
    }
    return out;
  }

  private static String output(OutputValue o) {
    if (o == null) {
      return null;
    }
    if (o.sensitive()) {
      return SENSITIVE;
    }
    JsonNode typed = JSON.readTree(o.valueJson());
    JsonNode v = typed.has("value") ? typed.get("value") : typed;
    return v.toString();
  }

  /** Address order as kplan sorts instances (by parsed address; unreadable ones by text, last). */
  static int compareAddresses(String x, String y) {
    AddressParser.Result<ResourceAddress> a = ResourceAddress.parse(x);
    AddressParser.Result<ResourceAddress> b = ResourceAddress.parse(y);
    if (a.ok() && b.ok() && a.value() != null && b.value() != null) {
      int c = a.value().compareTo(b.value());
      return c != 0 ? c : x.compareTo(y);
    }
    return x.compareTo(y);
  }
}
