package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns API errors into what kplan says about them: one clear diagnostic, never a stack trace. */
final class ApiErrors {
  private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]+)\"(?: using ([^:]+))?");

  private ApiErrors() {}

  /** A field another manager owns with a different value: the field path as the server writes it, and the manager. */
  record Conflict(String field, String manager) {}

  static boolean unreachable(KubernetesClientException e) {
    return e.getCode() == 0 && e.getStatus() == null;
  }

  static boolean notFound(KubernetesClientException e) {
    return e.getCode() == 404;
  }

  /** Conflicts of a server-side apply (HTTP 409 with FieldManagerConflict causes). */
  static List<Conflict> conflicts(KubernetesClientException e) {
    List<Conflict> out = new ArrayList<>();
    if (e.getCode() != 409) {
      return out;
    }
    for (StatusCause c : causes(e)) {
      if ("FieldManagerConflict".equals(c.getReason())) {
        Matcher m = MANAGER.matcher(String.valueOf(c.getMessage()));
        out.add(new Conflict(c.getField(), m.find() ? m.group(1) : String.valueOf(c.getMessage())));
      }
    }
    return out;
  }

  /** The fields the server says cannot change (HTTP 422 "field is immutable"), as dotted paths. */
  static List<String> immutableFields(KubernetesClientException e) {
    List<String> out = new ArrayList<>();
    if (e.getCode() != 422) {
      return out;
    }
    for (StatusCause c : causes(e)) {
      if (String.valueOf(c.getMessage()).contains("immutable") && c.getField() != null) {
        out.add(c.getField());
      }
    }
    if (out.isEmpty() && String.valueOf(message(e)).contains("immutable")) {
      out.add("");
    }
    return out;
  }

  static String message(KubernetesClientException e) {
    Status s = e.getStatus();
    if (s != null && s.getMessage() != null) {
      return s.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
  }

  /** The diagnostic for a failed request about {@code what} (an object, a kind) at cluster {@code host}. */
  static Diagnostic diagnostic(String summary, String what, String host, KubernetesClientException e) {
    if (unreachable(e)) {
      return Diagnostic.error("Kubernetes cluster unreachable",
          "Cannot reach the Kubernetes API server at " + host + " (" + message(e) + ") while working on " + what + ".",
          null);
    }
    return Diagnostic.error(summary, what + ": " + message(e) + " (HTTP " + e.getCode() + " from " + host + ").", null);
  }

  /** The fields a 422 Invalid answer names ({@code spec.template.spec.containers[0].image}); empty for other errors. */
  static List<String> invalidFields(KubernetesClientException e) {
    if (e.getCode() != 422) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>();
    for (StatusCause c : causes(e)) {
      if (c.getField() != null) {
        out.add(c.getField());
      }
    }
    return out;
  }

  private static List<StatusCause> causes(KubernetesClientException e) {
    Status s = e.getStatus();
    if (s == null || s.getDetails() == null || s.getDetails().getCauses() == null) {
      return List.of();
    }
    return s.getDetails().getCauses();
  }
}
