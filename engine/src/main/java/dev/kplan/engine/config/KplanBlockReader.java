package dev.kplan.engine.config;

import dev.kplan.engine.version.Version;
import dev.kplan.engine.version.VersionConstraint;
import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code kplan} blocks (Terraform's {@code terraform} block): {@code required_version},
 * checked against the running kplan, and the {@code state} backend. Both are read before anything
 * is evaluated, so their values must be literal strings, as Terraform requires.
 */
final class KplanBlockReader {
  /** The backend types: an H2 file beside the configuration, or a PostgreSQL database for teams. */
  static final String H2 = "h2";

  static final String POSTGRES = "postgres";

  static final BodySchema SCHEMA = new BodySchema(Set.of("required_version"), Set.of(),
      Map.of("state", new BodySchema.BlockType(List.of("type"), null)));

  private static final BodySchema H2_SCHEMA = new BodySchema(Set.of("path"), Set.of(), Map.of());

  private static final BodySchema POSTGRES_SCHEMA = new BodySchema(Set.of("url"), Set.of(), Map.of());

  private KplanBlockReader() {}

  static KplanSettings read(List<Block> blocks, String kplanVersion, List<Diagnostic> diags) {
    List<KplanSettings.RequiredVersion> required = new ArrayList<>();
    KplanSettings.StateBackend state = null;
    Block stateBlock = null;
    for (Block b : blocks) {
      Attribute rv = b.body().attribute("required_version");
      if (rv != null) {
        String text = literal(rv, diags);
        if (text != null) {
          VersionConstraint c = VersionConstraint.parse(text);
          if (c == null) {
            diags.add(Diagnostic.error("Invalid version constraint",
                "\"" + text + "\" is not a version constraint: write e.g. \">= 0.1.0\", \"~> 1.2\" or \"0.1.0\".",
                rv.expr().range()));
          } else {
            required.add(new KplanSettings.RequiredVersion(c, rv.expr().range()));
          }
        }
      }
      for (Block sb : b.body().blocks("state")) {
        if (sb.labels().size() != 1) {
          continue; // the label count is reported by the body check
        }
        if (stateBlock != null) {
          diags.add(Diagnostic.error("Duplicate state configuration",
              "A configuration may have only one state block; another one is at " + stateBlock.definitionRange().file()
                  + ":" + stateBlock.definitionRange().startLine() + ".", sb.definitionRange()));
          continue;
        }
        stateBlock = sb;
        state = backend(sb, diags);
      }
    }
    checkVersion(required, kplanVersion, diags);
    return new KplanSettings(required, state);
  }

  private static KplanSettings.StateBackend backend(Block sb, List<Diagnostic> diags) {
    String type = sb.labels().get(0);
    if (type.equals(H2)) {
      diags.addAll(BodyChecker.check(sb.body(), H2_SCHEMA, sb));
      Attribute p = sb.body().attribute("path");
      String path = p == null ? null : literal(p, diags);
      if (path != null && path.isBlank()) {
        diags.add(Diagnostic.error("Invalid state path", "The H2 state path must not be empty.", p.expr().range()));
        path = null;
      }
      return new KplanSettings.StateBackend(type, path, sb.definitionRange());
    }
    if (type.equals(POSTGRES)) {
      diags.addAll(BodyChecker.check(sb.body(), POSTGRES_SCHEMA, sb));
      Attribute u = sb.body().attribute("url");
      String url = u == null ? null : literal(u, diags);
      if (url != null && !url.startsWith("jdbc:postgresql://")) {
        diags.add(Diagnostic.error("Invalid state URL",
            "The \"postgres\" state backend needs a PostgreSQL JDBC URL: jdbc:postgresql://HOST[:PORT]/DATABASE"
                + " (user and password may come from PGUSER, PGPASSWORD or ~/.pgpass).", u.expr().range()));
        url = null;
      }
      return new KplanSettings.StateBackend(type, null, url, sb.definitionRange());
    }
    diags.add(Diagnostic.error("Unsupported state backend",
        "There is no state backend of type \"" + type + "\". kplan supports \"h2\" and \"postgres\".",
        sb.labelRanges().get(0)));
    return null;
  }

  /** Terraform's "Unsupported Terraform Core version", naming both the version and the constraint. */
  private static void checkVersion(List<KplanSettings.RequiredVersion> required, String kplanVersion,
      List<Diagnostic> diags) {
    Version running = Version.parse(kplanVersion);
    if (running == null) {
      return; // a build without a version cannot be held to a constraint
    }
    for (KplanSettings.RequiredVersion r : required) {
      if (!r.constraint().allows(running)) {
        diags.add(Diagnostic.error("Unsupported kplan version",
            "This configuration does not support kplan version " + kplanVersion + ": it requires \""
                + r.constraint().text() + "\". To proceed, either choose another supported kplan version or"
                + " update this version constraint. Version constraints are normally set for good reason, so"
                + " updating the constraint may lead to other errors or unexpected behavior.", r.range()));
      }
    }
  }

  private static String literal(Attribute a, List<Diagnostic> diags) {
    Expr e = a.expr();
    if (e instanceof LiteralExpr l && l.value() instanceof StringValue s) {
      return s.value();
    }
    diags.add(Diagnostic.error("Invalid " + a.name() + " value",
        "The \"" + a.name() + "\" argument must be a literal string: it is read before anything can be evaluated.",
        e.range()));
    return null;
  }
}
