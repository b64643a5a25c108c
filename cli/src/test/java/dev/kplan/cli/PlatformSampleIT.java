package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code samples/platform} against the sandbox (moto and Kubernetes in one configuration): the role's ARN reaches
 * the ServiceAccount and the bucket's name the ConfigMap; "No changes."; a ConfigMap edited with kubectl-edit and a
 * bucket tag changed with the AWS SDK show as drift of one object each, apply restores both, "No changes.".
 */
@KplanSandbox({SandboxService.AWS, SandboxService.KUBERNETES})
class PlatformSampleIT {
  static final Path SAMPLE = Path.of(System.getProperty("kplan.root.dir", ".."), "samples", "platform");
  @TempDir Path dir;
  Sandbox sandbox;
  String name;

  @BeforeEach
  void copySample(Sandbox sandbox) throws IOException {
    this.sandbox = sandbox;
    name = "reports-" + UUID.randomUUID().toString().substring(0, 8);
    Files.copy(SAMPLE.resolve("main.kp.hcl"), dir.resolve("main.kp.hcl"));
  }

  @AfterEach
  void cleanUp(KubernetesClient client) {
    client.namespaces().withName(name).delete();
  }

  CliRun kplan(String... args) {
    Map<String, String> env = Map.of(
        "KPLAN_VAR_aws_endpoint", sandbox.env().awsEndpoint().toString(),
        "KPLAN_VAR_region", sandbox.env().awsRegion(),
        "KPLAN_VAR_aws_access_key", "testing",
        "KPLAN_VAR_aws_secret_key", "testing",
        "KPLAN_VAR_kubeconfig", sandbox.env().kubeconfig().toString(),
        "KPLAN_VAR_name", name);
    CliRun r = CliRun.in(env, "", dir, args);
    assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), "no stack trace:\n" + r.out() + r.err());
    return r;
  }

  void assertNoChanges() {
    CliRun same = kplan("plan", "-detailed-exitcode");
    assertEquals(0, same.exitCode(), same.out() + same.err());
    assertTrue(same.out().contains("No changes."), same.out());
  }

  @Test
  void oneApplyWiresAwsIntoKubernetesAndDriftOnEitherSideIsShownAndRestored(KubernetesClient client) {
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed."), apply.out());
    String bucket = name + "-123456789012";
    assertEquals("arn:aws:iam::123456789012:role/" + name + "-app", client.serviceAccounts().inNamespace(name)
        .withName("app").get().getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn"));
    var settings = client.configMaps().inNamespace(name).withName("app-settings");
    assertEquals(bucket, settings.get().getData().get("REPORTS_BUCKET"));
    assertNoChanges();

    settings.patch(new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-edit")
        .build(), "{\"data\":{\"REPORTS_BUCKET\":\"someone-elses-bucket\"}}");
    try (S3Client s3 = sandbox.s3().build()) {
      s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(
          x -> x.key("retention").value("forever"), x -> x.key("app").value(name))));
    }

    CliRun drift = kplan("plan", "-detailed-exitcode");
    assertEquals(2, drift.exitCode(), drift.out() + drift.err());
    String out = drift.out();
    String outside = out.substring(out.indexOf("Objects have changed outside of kplan"),
        out.indexOf("Unless you have made equivalent changes"));
    assertEquals(List.of("aws_s3_bucket.reports has changed", "kubernetes_manifest.settings has changed [manual change]"),
        outside.lines().filter(l -> l.startsWith("  # aws_") || l.startsWith("  # kubernetes_"))
            .map(l -> l.substring(4)).sorted().toList(), "one drift on each side:\n" + out);
    assertTrue(outside.contains("# object.data.REPORTS_BUCKET: \"" + bucket + "\" \u2192 \"someone-elses-bucket\""
        + " (kubectl-edit, Update, "), outside);
    assertTrue(outside.contains("# tags: {\"retention\":\"90d\"} \u2192 {\"retention\":\"forever\"}"), outside);
    assertTrue(out.contains("Plan: 0 to add, 2 to change, 0 to destroy."), out);

    CliRun fix = kplan("apply", "-auto-approve");
    assertEquals(0, fix.exitCode(), fix.out() + fix.err());
    assertEquals(bucket, settings.get().getData().get("REPORTS_BUCKET"));
    try (S3Client s3 = sandbox.s3().build()) {
      assertTrue(s3.getBucketTagging(b -> b.bucket(bucket)).tagSet().stream()
          .anyMatch(t -> t.key().equals("retention") && t.value().equals("90d")));
    }
    assertNoChanges();

    CliRun destroy = kplan("destroy", "-auto-approve");
    assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
  }
}
