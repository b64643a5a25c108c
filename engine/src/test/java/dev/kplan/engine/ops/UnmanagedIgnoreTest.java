package dev.kplan.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.provider.UnmanagedObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnmanagedIgnoreTest {
  static UnmanagedObject o(String type, String id) {
    return new UnmanagedObject(type, id, type + " " + id);
  }

  @Test
  void patternsMatchTypeDotIdWithWildcardsAndALaterNegationListsAgain() {
    UnmanagedIgnore ignore = UnmanagedIgnore.parse(".kplanignore", """
        # expected objects
        aws_security_group.sg-0abc

        aws_instance.*
        !aws_instance.i-keep*
        kubernetes_manifest.v1/ConfigMap/shop/*
        """);
    assertTrue(ignore.ignores(o("aws_security_group", "sg-0abc")));
    assertFalse(ignore.ignores(o("aws_security_group", "sg-0abcd")), "a pattern matches the whole TYPE.ID");
    assertTrue(ignore.ignores(o("aws_instance", "i-123")));
    assertFalse(ignore.ignores(o("aws_instance", "i-keep-1")));
    assertTrue(ignore.ignores(o("kubernetes_manifest", "v1/ConfigMap/shop/settings")));
    assertFalse(ignore.ignores(o("kubernetes_manifest", "v1/Pod/shop/debug")));
    assertFalse(ignore.diagnostics().hasErrors());
  }

  @Test
  void aLineThatIsNotTypeDotIdIsAWarningNamingTheLine() {
    UnmanagedIgnore ignore = UnmanagedIgnore.parse(".kplanignore", "aws_vpc.*\nsg-123\n");
    assertEquals(1, ignore.rules().size());
    var d = ignore.diagnostics().items().get(0);
    assertEquals("Invalid ignore pattern", d.summary());
    assertEquals(2, d.subject().startLine());
  }

  @Test
  void theFilterDropsIgnoredFindingsAndAMissingFileIgnoresNothing(@TempDir Path dir) throws Exception {
    UnmanagedScan scan = new UnmanagedScan(List.of(new UnmanagedScan.Finding("aws", o("aws_vpc", "vpc-1")),
        new UnmanagedScan.Finding("aws", o("aws_security_group", "sg-1"))), Diagnostics.NONE);
    assertEquals(2, UnmanagedIgnore.load(dir).filter(scan).findings().size());
    Files.writeString(dir.resolve(UnmanagedIgnore.FILE), "aws_vpc.vpc-1\n");
    List<UnmanagedScan.Finding> kept = UnmanagedIgnore.load(dir).filter(scan).findings();
    assertEquals(List.of("sg-1"), kept.stream().map(f -> f.object().id()).toList());
  }
}
