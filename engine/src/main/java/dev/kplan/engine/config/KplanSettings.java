package dev.kplan.engine.config;

import dev.kplan.engine.version.VersionConstraint;
import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Objects;

/**
 * What the {@code kplan} blocks of a configuration say: the kplan versions it accepts
 * ({@code required_version}, every one must hold) and where its state lives
 * ({@code state "h2" { path = "…" }} or {@code state "postgres" { url = "…" }}; null: the default
 * {@code .kplan/state.mv.db}).
 */
public record KplanSettings(List<RequiredVersion> requiredVersions, StateBackend state) {
  public static final KplanSettings NONE = new KplanSettings(List.of(), null);

  public KplanSettings {
    requiredVersions = List.copyOf(requiredVersions);
  }

  /** One {@code required_version} and where it is written. */
  public record RequiredVersion(VersionConstraint constraint, SourceRange range) {
    public RequiredVersion {
      Objects.requireNonNull(constraint, "constraint is null");
    }
  }

  /**
   * The {@code state "TYPE"} block: the backend type ({@code h2} or {@code postgres}); for H2 the
   * database file's path as written (null: the default), relative to the root module folder; for
   * PostgreSQL its JDBC URL (null: {@code KPLAN_STATE_URL} must give it).
   */
  public record StateBackend(String type, String path, String url, SourceRange range) {
    public StateBackend {
      Objects.requireNonNull(type, "type is null");
    }

    /** An H2 backend at {@code path}. */
    public StateBackend(String type, String path, SourceRange range) {
      this(type, path, null, range);
    }
  }
}
