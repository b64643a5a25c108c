package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ResourceAddress;
import java.time.Duration;

/**
 * Progress of one instance during apply, with the line Terraform prints for it. {@code id} is the
 * object's {@code id} attribute where it has one (null otherwise).
 */
public sealed interface ApplyEvent {
  ResourceAddress address();

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

  record Started(ResourceAddress address, Kind kind, String id) implements ApplyEvent {
    @Override
    public String message() {
      return address + ": " + kind.starting + (id == null || kind == Kind.CREATE ? "" : " [id=" + id + "]");
    }
  }

  record StillRunning(ResourceAddress address, Kind kind, String id, Duration elapsed) implements ApplyEvent {
    @Override
    public String message() {
      String idPart = id == null || kind == Kind.CREATE ? "" : "id=" + id + ", ";
      return address + ": " + kind.still + " [" + idPart + elapsed.toSeconds() + "s elapsed]";
    }
  }

  record Completed(ResourceAddress address, Kind kind, String id, Duration elapsed) implements ApplyEvent {
    @Override
    public String message() {
      return address + ": " + kind.complete + " after " + elapsed.toSeconds() + "s"
          + (id == null || kind == Kind.DELETE ? "" : " [id=" + id + "]");
    }
  }

  record Failed(ResourceAddress address, Kind kind, String summary) implements ApplyEvent {
    @Override
    public String message() {
      return address + ": " + summary;
    }
  }
}
