package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The intent journal against a real API server: a real {@code kplan apply} creating ConfigMaps halts
 * (test hook {@code KPLAN_TEST_CRASH_AFTER_CREATE}) right after one was created and before the state
 * recorded it; the next {@code kplan plan} must find it by apiVersion/kind/namespace/name, adopt it and
 * say so, so that every ConfigMap kplan made is in the state. Three rounds, each creating new names.
 */
@KplanSandbox(SandboxService.KUBERNETES)
class KubernetesInterruptedCreateIT {
  private static final int MAPS = 4;
  private static final Pattern HALTED = Pattern.compile("halting after creating (kubernetes_manifest\\.cm\\[\"[^\"]+\"])");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  String ns;
  Sandbox sandbox;

  @BeforeEach
  void namespace(Sandbox sandbox, KubernetesClient client) {
    this.sandbox = sandbox;
    ns = "intent-" + UUID.randomUUID().toString().substring(0, 8);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
  }

  @AfterEach
  void cleanUp(KubernetesClient client) {
    client.namespaces().withName(ns).delete();
  }

  @Test
  void configMapsCreatedByAnInterruptedApplyAreAdoptedByTheNextPlan(KubernetesClient client) throws Exception {
    int orphans = 0;
    for (int round = 1; round <= 3; round++) {
      Files.writeString(dir.resolve("main.kp.hcl"), """
          provider "kubernetes" {
            config_path = "%s"
          }
          resource "kubernetes_manifest" "cm" {
            for_each = toset([for i in range(%d) : "r%d-${i}"])
            manifest = {
              apiVersion = "v1"
              kind       = "ConfigMap"
              metadata   = { name = "cm-${each.key}", namespace = "%s" }
              data       = { round = "%d" }
            }
          }
          """.formatted(sandbox.env().kubeconfig(), MAPS, round, ns, round));
      String halted;
      try (ChildJvm apply = ChildJvm.start(Map.of("KPLAN_TEST_CRASH_AFTER_CREATE", "#" + round), Main.class,
          "-chdir=" + dir, "-no-color", "apply", "-auto-approve")) {
        assertEquals(86, apply.finish(), apply.output());
        Matcher m = HALTED.matcher(apply.output());
        assertTrue(m.find(), apply.output());
        halted = m.group(1);
      }
      try (ChildJvm plan = ChildJvm.start(Map.of(), Main.class, "-chdir=" + dir, "-no-color", "plan")) {
        assertEquals(0, plan.finish(), plan.output());
        assertTrue(plan.output().contains("found " + halted + " created by an interrupted apply"), plan.output());
      }
      TreeSet<String> stored = storedNames();
      List<String> lost = new ArrayList<>();
      for (ConfigMap cm : client.configMaps().inNamespace(ns).list().getItems()) {
        String name = cm.getMetadata().getName();
        if (name.startsWith("cm-") && !stored.contains(name)) {
          lost.add(name);
        }
      }
      orphans += lost.size();
      assertEquals(List.of(), lost, "round " + round + ": ConfigMaps the state does not hold");
    }
    System.out.printf("KubernetesInterruptedCreateIT: 3 applies halted between create and state write, orphans"
        + " found: %d%n", orphans);

    CliRun converge = CliRun.in(dir, "apply", "-auto-approve");
    assertEquals(0, converge.exitCode(), converge.out() + converge.err());
    CliRun again = CliRun.in(dir, "plan", "-detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
    CliRun destroy = CliRun.in(dir, "destroy", "-auto-approve");
    assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
    assertTrue(client.configMaps().inNamespace(ns).list().getItems().stream()
        .noneMatch(cm -> cm.getMetadata().getName().startsWith("cm-")), "destroy left a ConfigMap");
  }

  /** The names of the ConfigMaps in the state, from {@code kplan state pull} run as a process of its own. */
  private TreeSet<String> storedNames() throws Exception {
    String json;
    try (ChildJvm pull = ChildJvm.start(Map.of(), Main.class, "-chdir=" + dir, "-no-color", "state", "pull")) {
      assertEquals(0, pull.finish(), pull.output());
      json = pull.output();
    }
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode r : JSON.readTree(json.substring(json.indexOf('{'))).get("resources")) {
      for (JsonNode i : r.get("instances")) {
        JsonNode manifest = i.get("attributes").get("manifest");
        if (manifest.has("value") && manifest.has("type")) {
          manifest = manifest.get("value"); // an attribute of type any keeps its type beside its value
        }
        out.add(manifest.get("metadata").get("name").asString());
      }
    }
    return out;
  }
}
