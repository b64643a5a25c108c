package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.engine.ops.UnmanagedScan;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.provider.UnmanagedObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnmanagedTextTest {
  @Test
  void aCloudObjectShowsItsDescriptionAndAKubernetesOneOnlyItsId() {
    UnmanagedScan scan = new UnmanagedScan(List.of(
        new UnmanagedScan.Finding("provider.kubernetes",
            new UnmanagedObject("kubernetes_manifest", "v1/Pod/shop/debug", "Pod shop/debug")),
        new UnmanagedScan.Finding("provider.aws",
            new UnmanagedObject("aws_security_group", "sg-1", "security group debug in vpc-1 (1 ingress, 1 egress rules)"))),
        Diagnostics.NONE);
    assertEquals("""

        Objects not managed by kplan in shop, us-east-1 (2):
          ? kubernetes_manifest v1/Pod/shop/debug
          ? aws_security_group sg-1 \u2014 security group debug in vpc-1 (1 ingress, 1 egress rules)  (provider.aws)

        Delete them, or bring them under management ("kplan import TYPE.NAME ID").
        """, UnmanagedText.render(scan, List.of("shop", "us-east-1")));
  }
}
