package dev.kplan.lang.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/** An immutable list of diagnostics; operations that can fail return one beside their result. */
public record Diagnostics(List<Diagnostic> items) implements Iterable<Diagnostic> {
  public static final Diagnostics NONE = new Diagnostics(List.of());

  public Diagnostics {
    items = List.copyOf(items);
  }

  public static Diagnostics of(Diagnostic... diags) {
    return new Diagnostics(List.of(diags));
  }

  public static Diagnostics of(Collection<Diagnostic> diags) {
    return new Diagnostics(List.copyOf(diags));
  }

  public boolean hasErrors() {
    for (Diagnostic d : items) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public int size() {
    return items.size();
  }

  public Diagnostics plus(Diagnostic d) {
    List<Diagnostic> all = new ArrayList<>(items);
    all.add(d);
    return new Diagnostics(all);
  }

  public Diagnostics plus(Diagnostics other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<Diagnostic> all = new ArrayList<>(items);
    all.addAll(other.items);
    return new Diagnostics(all);
  }

  public List<Diagnostic> errors() {
    return items.stream().filter(Diagnostic::isError).toList();
  }

  @Override
  public Iterator<Diagnostic> iterator() {
    return items.iterator();
  }
}
