package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ResourceAddress;
import java.time.Duration;

/**
 * Progress of one instance during apply, with the line Terraform prints for it. {@code id} is the
 * object's {@code id} attribute where it has one (null otherwise); {@code deposedKey} is set when
 * the object is a deposed one ("local_file.x (deposed object 1a2b3c4d): Destroying...").
 */
public sealed interface ApplyEvent {
  ResourceAddress address();

  /** The deposed key of the object, or null for the instance's current object. */
  String deposedKey();

  /** What the line is about: the address, and the deposed object where it is one. */
  default String subject() {
    return address() + (deposedKey() == null ? "" : " (deposed object " + deposedKey() + ")");
  }

  /** What is done to the object. */
  enum Kind {
    CREATE("Creating...", "Still creating...", "Creation complete"),
    UPDATE("Modifying...", "Still modifying...", "Modifications complete"),
    DELETE("Destroying...", "Still destroying...", "Destruction complete"),
    IMPORT("Importing...", "Still importing...", "Import complete");

    final String starting;
    final String still;
    final String complete;

    Kind(String starting, String still, String complete) {
      this.starting = starting;
      this.still = still;
      this.complete = complete;
    }
  }

  /** The line the CLI prints, as Terraform words it. */
  String message();

  record Started(ResourceAddress address, Kind kind, String id, String deposedKey) implements ApplyEvent {
    public Started(ResourceAddress address, Kind kind, String id) {
      this(address, kind, id, null);
    }

    @Override
    public String message() {
      return subject() + ": " + kind.starting + (id == null || kind == Kind.CREATE ? "" : " [id=" + id + "]");
    }
  }

  record StillRunning(ResourceAddress address, Kind kind, String id, Duration elapsed, String deposedKey)
      implements ApplyEvent {
    public StillRunning(ResourceAddress address, Kind kind, String id, Duration elapsed) {
      this(address, kind, id, elapsed, null);
    }

    @Override
    public String message() {
      String idPart = id == null || kind == Kind.CREATE ? "" : "id=" + id + ", ";
      return subject() + ": " + kind.still + " [" + idPart + elapsed.toSeconds() + "s elapsed]";
    }
  }

  record Completed(ResourceAddress address, Kind kind, String id, Duration elapsed, String deposedKey)
      implements ApplyEvent {
    public Completed(ResourceAddress address, Kind kind, String id, Duration elapsed) {
      this(address, kind, id, elapsed, null);
    }

    @Override
    public String message() {
      return subject() + ": " + kind.complete + " after " + elapsed.toSeconds() + "s"
          + (id == null || kind == Kind.DELETE ? "" : " [id=" + id + "]");
    }
  }

  record Failed(ResourceAddress address, Kind kind, String summary, String deposedKey) implements ApplyEvent {
    public Failed(ResourceAddress address, Kind kind, String summary) {
      this(address, kind, summary, null);
    }

    @Override
    public String message() {
      return subject() + ": " + summary;
    }
  }
}
