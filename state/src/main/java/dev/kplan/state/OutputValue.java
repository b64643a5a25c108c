package dev.kplan.state;

import java.util.Objects;

/** A root module output as stored: its value as JSON and whether it is sensitive. */
public record OutputValue(String name, String valueJson, boolean sensitive) {
  public OutputValue {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(valueJson, "valueJson is null");
  }
}
