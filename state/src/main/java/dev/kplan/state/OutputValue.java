package dev.kplan.state;

import java.util.Objects;

/**
 * A root module output as stored: its value as JSON and whether it is sensitive. The engine writes
 * the value typed ({@code {"value":…,"type":…}}, cty's layout for a value of type any) so that it
 * reads back with its exact type.
 */
public record OutputValue(String name, String valueJson, boolean sensitive) {
  public OutputValue {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(valueJson, "valueJson is null");
  }
}
