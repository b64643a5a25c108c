package dev.kplan.engine.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionConstraintTest {
  static boolean allows(String constraint, String version) {
    return VersionConstraint.parse(constraint).allows(Version.parse(version));
  }

  @Test
  void operatorsCompareAsSemverWithPreReleasesBeforeTheirRelease() {
    assertTrue(allows(">= 0.1.0", "0.1.0"));
    assertFalse(allows(">= 0.1.0", "0.1.0-SNAPSHOT"));
    assertTrue(allows(">= 0.1.0-SNAPSHOT", "0.1.0-SNAPSHOT"));
    assertTrue(allows("> 0.0.9, < 0.2", "0.1.0-SNAPSHOT"));
    assertTrue(allows("0.1.0", "0.1.0"));
    assertTrue(allows("= 0.1", "0.1.0"));
    assertFalse(allows("!= 0.1.0", "0.1.0"));
    assertTrue(allows("<= 1.0.0", "1.0.0"));
    assertTrue(Version.parse("1.0.0-alpha.2").compareTo(Version.parse("1.0.0-alpha.10")) < 0);
    assertTrue(Version.parse("1.0.0-alpha").compareTo(Version.parse("1.0.0-alpha.1")) < 0);
  }

  @Test
  void pessimisticConstraintBoundsTheLastGivenPart() {
    assertTrue(allows("~> 1.2", "1.9.0"));
    assertFalse(allows("~> 1.2", "2.0.0"));
    assertFalse(allows("~> 1.2", "2.0.0-beta"));
    assertTrue(allows("~> 1.2.3", "1.2.9"));
    assertFalse(allows("~> 1.2.3", "1.3.0"));
    assertFalse(allows("~> 1.2.3", "1.2.2"));
  }

  @Test
  void malformedConstraintsAreNull() {
    assertNull(VersionConstraint.parse(">= banana"));
    assertNull(VersionConstraint.parse(""));
    assertNull(VersionConstraint.parse(">= 1,"));
    assertEquals(2, VersionConstraint.parse(">= 1, < 2").terms().size());
  }
}
