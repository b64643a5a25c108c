package dev.kplan.cli;

import dev.kplan.engine.ops.UnmanagedScan;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** How {@code plan -unmanaged} shows the objects kplan does not manage: a section after the plan, or JSON. */
final class UnmanagedText {
  private UnmanagedText() {}

  static String render(UnmanagedScan scan, List<String> scopes) {
    StringBuilder out = new StringBuilder("\n");
    String where = String.join(", ", scopes);
    if (scan.findings().isEmpty()) {
      return out.append("No unmanaged objects in ").append(where).append(".\n").toString();
    }
    out.append("Objects not managed by kplan in ").append(where).append(" (").append(scan.findings().size())
        .append("):\n");
    for (UnmanagedScan.Finding f : scan.findings()) {
      out.append("  ? ").append(f.object().resourceType()).append(' ').append(f.object().id());
      if (!f.provider().equals("provider.kubernetes") && !f.provider().equals("kubernetes")) {
        // a Kubernetes id names the object; a cloud id (sg-0c1d…) needs its description
        if (!f.object().description().isEmpty()) {
          out.append(" \u2014 ").append(f.object().description());
        }
        out.append("  (").append(f.provider()).append(')');
      }
      out.append('\n');
    }
    out.append("\nDelete them, or bring them under management (\"kplan import TYPE.NAME ID\").\n");
    return out.toString();
  }

  static ArrayNode json(UnmanagedScan scan) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (UnmanagedScan.Finding f : scan.findings()) {
      ObjectNode o = a.addObject();
      o.put("provider", f.provider());
      o.put("type", f.object().resourceType());
      o.put("id", f.object().id());
      o.put("description", f.object().description());
    }
    return a;
  }
}
