package dev.kplan.state;

import java.util.Map;
import java.util.Objects;

/**
 * What {@code state migrate} copied: the number of versions (each verified against its checksum
 * in the destination), the latest serial, the lineage, and the rows copied per table.
 */
public record MigrationReport(int versions, long latestSerial, String lineage, Map<String, Integer> rows) {
  public MigrationReport {
    Objects.requireNonNull(lineage, "lineage is null");
    rows = Map.copyOf(rows);
  }
}
