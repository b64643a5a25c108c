package dev.kplan.cli.render;

import static dev.kplan.cli.render.V.list;
import static dev.kplan.cli.render.V.n;
import static dev.kplan.cli.render.V.obj;
import static dev.kplan.cli.render.V.s;
import static dev.kplan.cli.render.V.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.ChangeOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DriftReportTest {
  static final Instant T = Instant.parse("2026-11-25T10:04:12Z");
  static final String SECRET = "s3cr3t-in-drift";

  static List<Drift> drift() {
    Path replicas = Path.ROOT.attr("object").attr("spec").attr("replicas");
    Path image = Path.ROOT.attr("object").attr("spec").attr("containers").index(Value.number(0)).attr("image");
    Path password = Path.ROOT.attr("object").attr("data").attr("password");
    Value webBefore = obj("object", obj("spec", obj("replicas", n(3), "containers", list(obj("image", "web:1.0")))));
    Value webLive = obj("object", obj("spec", obj("replicas", n(5), "containers", list(obj("image", "web:latest")))));
    return List.of(
        new Drift(ResourceAddress.managed("kubernetes_manifest", "web"), webBefore, webLive, List.of(
            new Attribution(replicas, "kubectl-scale", "Update", T, ChangeOrigin.MANUAL, false),
            new Attribution(image, "kubectl-set", "Update", T, ChangeOrigin.MANUAL, true)), DriftCause.UPDATED),
        new Drift(ResourceAddress.managed("kubernetes_manifest", "creds"),
            obj("object", obj("data", secret(obj("password", "old-" + SECRET)))),
            obj("object", obj("data", secret(obj("password", SECRET)))),
            List.of(new Attribution(password, "vault-operator", "Apply", T, ChangeOrigin.AUTOMATION, false)),
            DriftCause.UPDATED),
        new Drift(ResourceAddress.managed("kubernetes_manifest", "settings"), obj("object", obj("data", obj())),
            Value.nullOf(dev.kplan.lang.types.Type.DYNAMIC), List.of(), DriftCause.DELETED));
  }

  @Test
  void textShowsEachFieldWithOldNewManagerTimeAndFlagsSecurity() {
    Plan plan = new Plan(PlanMode.REFRESH_ONLY, List.of(), drift(), Map.of(), Diagnostics.NONE, 1, "l");
    String text = PlanRenderer.render(plan, Map.of(), false);
    assertTrue(text.contains("  # kubernetes_manifest.web has changed [manual change, SECURITY-SENSITIVE]\n"), text);
    assertTrue(text.contains("  # object.spec.replicas: 3 \u2192 5 (kubectl-scale, Update, 2026-11-25T10:04:12Z)"
        + " [manual change]\n"), text);
    assertTrue(text.contains("  # object.spec.containers[0].image: \"web:1.0\" \u2192 \"web:latest\" (kubectl-set,"
        + " Update, 2026-11-25T10:04:12Z) [manual change, SECURITY-SENSITIVE]\n"), text);
    assertTrue(text.contains("  # object.data.password: (sensitive value) \u2192 (sensitive value) (vault-operator,"
        + " Apply, 2026-11-25T10:04:12Z) [automation]\n"), text);
    assertTrue(text.contains("  # kubernetes_manifest.settings has been deleted\n"), text);
    assertFalse(text.contains(SECRET), text);
  }

  @Test
  void jsonReportClassifiesEachObjectAndFieldWithoutSensitiveValues() {
    String json = DriftReport.render(drift(), List.of(Diagnostic.warning("Unhealthy workload", "web: not Available",
        null)), "0.1.0", T);
    assertFalse(json.contains(SECRET), json);
    JsonNode root = JsonMapper.builder().build().readTree(json);
    assertTrue(root.get("drifted").asBoolean());
    JsonNode web = root.get("drift").get(0);
    assertEquals("[\"manual\",\"security-sensitive\"]", web.get("classification").toString());
    JsonNode replicas = web.get("fields").get(0);
    assertEquals("object.spec.replicas", replicas.get("path").asString());
    assertEquals(3, replicas.get("old").asInt());
    assertEquals(5, replicas.get("new").asInt());
    assertEquals("kubectl-scale", replicas.get("manager").asString());
    assertEquals("2026-11-25T10:04:12Z", replicas.get("time").asString());
    assertTrue(web.get("fields").get(1).get("security_sensitive").asBoolean());
    JsonNode password = root.get("drift").get(1).get("fields").get(0);
    assertTrue(password.get("old").isNull() && password.get("new").isNull() && password.get("sensitive").asBoolean());
    assertEquals("[\"automation\"]", root.get("drift").get(1).get("classification").toString());
    assertEquals("[\"deleted\"]", root.get("drift").get(2).get("classification").toString());
    assertEquals("Unhealthy workload", root.get("warnings").get(0).get("summary").asString());
  }

  @Test
  void jsonReportNamesTheProviderConfigurationOfEachObjectWhereTheStateRecordsIt() {
    JsonNode root = JsonMapper.builder().build().readTree(DriftReport.render(drift(),
        Map.of("kubernetes_manifest.web", "provider.kubernetes.staging", "kubernetes_manifest.creds",
            "provider.kubernetes"), List.of(), "0.1.0", T));
    assertEquals("provider.kubernetes.staging", root.get("drift").get(0).get("provider").asString());
    assertEquals("provider.kubernetes", root.get("drift").get(1).get("provider").asString());
    assertFalse(root.get("drift").get(2).has("provider"));
  }
}
