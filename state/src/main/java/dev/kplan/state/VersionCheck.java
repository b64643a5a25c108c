package dev.kplan.state;

import java.util.Objects;

/**
 * What {@code state verify} found for one version: its serial, the outcome, the SHA-256 its
 * content has now (null when it could not be read) and, unless OK, a message for the user.
 */
public record VersionCheck(long serial, Outcome outcome, String checksum, String message) {
  public VersionCheck {
    Objects.requireNonNull(outcome, "outcome is null");
    message = message == null ? "" : message;
  }

  /** OK: the content matches its checksum; OPEN: the latest version, not sealed yet; FAILED: damaged. */
  public enum Outcome { OK, OPEN, FAILED }
}
