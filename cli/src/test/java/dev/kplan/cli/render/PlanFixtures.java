package dev.kplan.cli.render;

import static dev.kplan.cli.render.V.b;
import static dev.kplan.cli.render.V.list;
import static dev.kplan.cli.render.V.map;
import static dev.kplan.cli.render.V.n;
import static dev.kplan.cli.render.V.nul;
import static dev.kplan.cli.render.V.obj;
import static dev.kplan.cli.render.V.s;
import static dev.kplan.cli.render.V.secret;
import static dev.kplan.cli.render.V.set;
import static dev.kplan.cli.render.V.unknown;

import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ModuleStep;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plans the golden files show, built directly as records (no planner). */
final class PlanFixtures {
  static final String LINEAGE = "3f1c2a9e-0000-4000-8000-000000000001";
  static final String SECRET = "hunter2-very-secret";
  static final String SECRET2 = "s3cr3t-rotated";

  private PlanFixtures() {}

  /** A named fixture: the plan and the outputs stored before it. */
  record Fixture(String name, Plan plan, Map<String, Value> priorOutputs, ResourceSchemas schemas) {
    Fixture(String name, Plan plan, Map<String, Value> priorOutputs) {
      this(name, plan, priorOutputs, ResourceSchemas.NONE);
    }
  }

  static List<Fixture> all() {
    return List.of(create(), update(), replace(), delete(), drift(), sensitive(), unknowns(), outputs(),
        moves(), modules(), noChanges(), refreshOnlyDrift(), refreshOnlyNoChanges(), destroyNothing(),
        importForgetDeposed(), refreshOnlyOutputs(), BlockFixtures.blocks(), BlockFixtures.blocksDrift());
  }

  static ResourceAddress addr(String type, String name) {
    return ResourceAddress.managed(type, name);
  }

  static ResourceAddress addr(String type, String name, String key) {
    return ResourceAddress.managed(type, name).instance(InstanceKey.of(key));
  }

  static ResourceChange change(ResourceAddress a, Action action, Value before, Value after,
      List<Path> replace, ChangeReason reason) {
    ResourceChange c = moved(null, a, action, before, after, reason);
    return new ResourceChange(c.address(), c.action(), c.before(), c.after(), replace, c.reason(), c.provider(),
        c.config(), c.plannedPrivate(), c.dependencies(), c.previousAddress());
  }

  static ResourceChange moved(ResourceAddress from, ResourceAddress a, Action action, Value before, Value after,
      ChangeReason reason) {
    return new ResourceChange(a, action, before == null ? nul() : before, after == null ? nul() : after,
        List.of(), reason, ProviderAddress.implied(a.type()), after == null ? nul() : after, "", List.of(), from);
  }

  static Plan plan(PlanMode mode, List<ResourceChange> changes, List<Drift> drift, Map<String, Value> outputs) {
    return new Plan(mode, changes, drift, outputs, Diagnostics.NONE, 7, LINEAGE);
  }

  static Fixture create() {
    List<ResourceChange> cs = List.of(
        change(addr("local_file", "cfg", "a"), Action.CREATE, null,
            obj("content", "hello", "filename", "out/a.txt", "file_permission", "0644", "id", unknown()),
            List.of(), ChangeReason.NONE),
        change(addr("local_file", "cfg", "b"), Action.CREATE, null,
            obj("content", "world", "filename", "out/b.txt", "file_permission", "0644", "id", unknown()),
            List.of(), ChangeReason.NONE),
        change(new ResourceAddress(List.of(new ModuleStep("site", InstanceKey.NONE)),
                dev.kplan.engine.addrs.ResourceMode.MANAGED, "local_file", "notes", InstanceKey.of(0)),
            Action.CREATE, null,
            obj("content", "line one\nline two\n", "filename", "notes.md", "tags", map("team", "infra"),
                "ports", list(80, 443), "empty", list(), "id", unknown()),
            List.of(), ChangeReason.NONE),
        change(addr("local_file", "kept"), Action.NO_OP, obj("id", "k1", "content", "same"),
            obj("id", "k1", "content", "same"), List.of(), ChangeReason.NONE));
    return new Fixture("create", plan(PlanMode.NORMAL, cs, List.of(), Map.of()), Map.of());
  }

  static Value manifest(int replicas, String tier, Value ports, String image) {
    return obj(
        "id", "apps/v1/Deployment/default/web",
        "manifest", obj(
            "apiVersion", "apps/v1",
            "kind", "Deployment",
            "metadata", obj("name", "web", "namespace", "default",
                "labels", map("app", "web", "tier", tier, "owner", "team-a")),
            "spec", obj(
                "replicas", n(replicas),
                "selector", obj("matchLabels", map("app", "web")),
                "template", obj("spec", obj("containers", list(
                    obj("name", "web", "image", image, "ports", ports)))))),
        "policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"" + image + "\"}]}",
        "wait", b(false),
        "field_manager", "kplan",
        "script", "set -e\necho start\nrun --fast\necho done\n");
  }

  static Fixture update() {
    Value before = manifest(2, "frontend", list(80, 443, 9000, 9100, 9200), "nginx:1.25");
    Value after = manifest(3, "edge", list(80, 8080, 443, 9000, 9100, 9200), "nginx:1.27");
    after = withAttr(after, "script", s("set -e\necho start\nrun --safe\necho done\n"));
    return new Fixture("update", plan(PlanMode.NORMAL, List.of(
        change(addr("kubernetes_manifest", "web"), Action.UPDATE, before, after, List.of(), ChangeReason.NONE)),
        List.of(), Map.of()), Map.of());
  }

  static Fixture replace() {
    Path filename = Path.ROOT.attr("filename");
    List<ResourceChange> cs = List.of(
        change(addr("local_file", "cfg"), Action.DELETE_THEN_CREATE,
            obj("content", "hello", "filename", "old.txt", "id", "abc123", "file_permission", "0644"),
            obj("content", "hello", "filename", "new.txt", "id", unknown(), "file_permission", "0644"),
            List.of(filename), ChangeReason.REPLACE_BECAUSE_CANNOT_UPDATE),
        change(addr("local_file", "lb"), Action.CREATE_THEN_DELETE,
            obj("content", "x", "id", "def456"), obj("content", "x", "id", unknown()),
            List.of(), ChangeReason.REPLACE_BY_REQUEST),
        change(addr("local_file", "bad"), Action.DELETE_THEN_CREATE,
            obj("content", "y", "id", "tainted1"), obj("content", "y", "id", unknown()),
            List.of(), ChangeReason.REPLACE_BECAUSE_TAINTED));
    return new Fixture("replace", plan(PlanMode.NORMAL, cs, List.of(), Map.of()), Map.of());
  }

  static Fixture delete() {
    List<ResourceChange> cs = List.of(
        change(ResourceAddress.managed("aws_instance", "web").instance(InstanceKey.of(2)), Action.DELETE,
            obj("id", "i-0abc", "instance_type", "t3.micro", "tags", map("Name", "web-2")), null,
            List.of(), ChangeReason.DELETE_BECAUSE_COUNT_INDEX),
        change(addr("local_file", "cfg", "x"), Action.DELETE,
            obj("content", "bye", "filename", "x.txt", "id", "f1"), null,
            List.of(), ChangeReason.DELETE_BECAUSE_EACH_KEY),
        change(addr("local_file", "old"), Action.DELETE,
            obj("content", "gone", "id", "f2", "nested", obj("a", 1, "b", list("x"))), null,
            List.of(), ChangeReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG));
    return new Fixture("delete", plan(PlanMode.NORMAL, cs, List.of(), Map.of()), Map.of());
  }

  static Fixture drift() {
    Value stored = obj("id", "cm1", "data", map("level", "info", "mode", "fast", "region", "eu"),
        "immutable", b(false), "name", "app-config");
    Value live = obj("id", "cm1", "data", map("level", "debug", "mode", "fast", "region", "eu"),
        "immutable", b(false), "name", "app-config");
    List<Drift> drift = List.of(
        new Drift(addr("kubernetes_config_map", "app"), stored, live,
            List.of(new Attribution(Path.ROOT.attr("data").index(s("level")), "kubectl-edit", "Update",
                Instant.parse("2026-11-25T10:00:00Z"))),
            DriftCause.UPDATED),
        new Drift(addr("local_file", "cache"), obj("id", "c9", "content", "cached"), nul(),
            List.of(new Attribution(Path.ROOT, "rm", "", null)), DriftCause.DELETED));
    List<ResourceChange> cs = List.of(
        change(addr("kubernetes_config_map", "app"), Action.UPDATE, live, stored, List.of(), ChangeReason.NONE),
        change(addr("local_file", "cache"), Action.CREATE, null, obj("id", unknown(), "content", "cached"),
            List.of(), ChangeReason.NONE));
    return new Fixture("drift", plan(PlanMode.NORMAL, cs, drift, Map.of()), Map.of());
  }

  static Fixture sensitive() {
    List<ResourceChange> cs = List.of(
        change(addr("local_sensitive_file", "key"), Action.CREATE, null,
            obj("content", secret(s(SECRET)), "filename", "key.pem", "id", unknown()),
            List.of(), ChangeReason.NONE),
        change(addr("kubernetes_secret", "db"), Action.UPDATE,
            obj("id", "default/db", "data", obj("password", secret(s(SECRET)), "user", "app"),
                "token", secret(s(SECRET))),
            obj("id", "default/db", "data", obj("password", secret(s(SECRET2)), "user", "admin"),
                "token", secret(s(SECRET))),
            List.of(), ChangeReason.NONE),
        change(addr("local_file", "marked"), Action.UPDATE,
            obj("id", "m1", "note", "public", "pin", secret(s(SECRET))),
            obj("id", "m1", "note", secret(s("public")), "pin", s("now-public")),
            List.of(), ChangeReason.NONE),
        change(addr("local_file", "whole"), Action.UPDATE,
            obj("id", "w1", "settings", secret(obj("key", SECRET, "n", 1))),
            obj("id", "w1", "settings", secret(obj("key", SECRET2, "n", 1))),
            List.of(), ChangeReason.NONE));
    Map<String, Value> outs = new LinkedHashMap<>();
    outs.put("db_password", secret(s(SECRET2)));
    outs.put("user", s("admin"));
    return new Fixture("sensitive", plan(PlanMode.NORMAL, cs, List.of(), outs), Map.of("user", s("app")));
  }

  static Fixture unknowns() {
    ResourceAddress data = ResourceAddress.data("local_file", "peer");
    List<ResourceChange> cs = List.of(
        new ResourceChange(data, Action.READ, nul(), obj("filename", unknown(), "content", unknown(), "id", unknown()),
            List.of(), ChangeReason.READ_BECAUSE_CONFIG_UNKNOWN, ProviderAddress.of("local"), nul(), "", List.of(), null),
        change(addr("local_file", "cfg"), Action.UPDATE,
            obj("id", "f1", "content", "v1", "checksum", "sha1:aaa", "ports", list(80, 443), "labels", map("a", "1")),
            obj("id", "f1", "content", unknown(), "checksum", unknown(), "ports", list(80, unknown()),
                "labels", unknown()),
            List.of(), ChangeReason.NONE));
    Map<String, Value> outs = new LinkedHashMap<>();
    outs.put("checksum", unknown());
    return new Fixture("unknown", plan(PlanMode.NORMAL, cs, List.of(), outs), Map.of("checksum", s("sha1:aaa")));
  }

  static Fixture outputs() {
    List<ResourceChange> cs = List.of(
        change(addr("local_file", "cfg"), Action.NO_OP, obj("id", "f1"), obj("id", "f1"), List.of(), ChangeReason.NONE));
    Map<String, Value> outs = new LinkedHashMap<>();
    outs.put("endpoint", s("https://new.example"));
    outs.put("names", list("a", "b", "c"));
    outs.put("region", s("eu-west-1"));
    outs.put("zones", set("a", "b"));
    Map<String, Value> prior = new LinkedHashMap<>();
    prior.put("endpoint", s("https://old.example"));
    prior.put("legacy", s("remove-me"));
    prior.put("names", list("a", "c"));
    prior.put("region", s("eu-west-1"));
    return new Fixture("outputs", plan(PlanMode.NORMAL, cs, List.of(), outs), prior);
  }

  static Fixture moves() {
    List<ResourceChange> cs = List.of(
        moved(addr("local_file", "cfg"), ResourceAddress.managed("local_file", "cfg").instance(InstanceKey.of(0)),
            Action.NO_OP, obj("id", "f1", "content", "same"), obj("id", "f1", "content", "same"), ChangeReason.NONE),
        moved(addr("local_file", "a"), addr("local_file", "b"), Action.UPDATE,
            obj("id", "f2", "content", "old"), obj("id", "f2", "content", "new"), ChangeReason.NONE));
    return new Fixture("moves", plan(PlanMode.NORMAL, cs, List.of(), Map.of()), Map.of());
  }

  /** Module addresses: a resource moved into a module, a removed module instance, a created one. */
  static Fixture modules() {
    ResourceAddress site = ResourceAddress.parse("module.site[\"a\"].module.meta.local_file.page").value();
    ResourceAddress gone = ResourceAddress.parse("module.site[\"b\"].local_file.page").value();
    ResourceAddress into = ResourceAddress.parse("module.files.local_file.x").value();
    List<ResourceChange> cs = List.of(
        moved(addr("local_file", "x"), into, Action.NO_OP, obj("id", "f1", "content", "same"),
            obj("id", "f1", "content", "same"), ChangeReason.NONE),
        moved(null, site, Action.CREATE, null, obj("content", "hello", "filename", "a.txt"), ChangeReason.NONE),
        moved(null, gone, Action.DELETE, obj("id", "f2", "content", "bye"), null, ChangeReason.DELETE_BECAUSE_NO_MODULE));
    return new Fixture("modules", plan(PlanMode.NORMAL, cs, List.of(), Map.of()), Map.of());
  }

  static Fixture noChanges() {
    List<ResourceChange> cs = List.of(
        change(addr("local_file", "cfg"), Action.NO_OP, obj("id", "f1"), obj("id", "f1"), List.of(), ChangeReason.NONE));
    return new Fixture("no-changes", plan(PlanMode.NORMAL, cs, List.of(), Map.of("region", s("eu"))),
        Map.of("region", s("eu")));
  }

  static Fixture refreshOnlyDrift() {
    List<Drift> drift = List.of(new Drift(addr("local_file", "cfg"), obj("id", "f1", "content", "a"),
        obj("id", "f1", "content", "b"), List.of(), DriftCause.UPDATED));
    return new Fixture("refresh-only-drift", plan(PlanMode.REFRESH_ONLY, List.of(), drift, Map.of()), Map.of());
  }

  /** A refresh-only plan whose refreshed objects change two outputs and remove a third. */
  static Fixture refreshOnlyOutputs() {
    List<Drift> drift = List.of(new Drift(addr("local_file", "cfg"), obj("id", "f1", "content", "a"),
        obj("id", "f1", "content", "b"), List.of(), DriftCause.UPDATED));
    Map<String, Value> outputs = new LinkedHashMap<>();
    outputs.put("content", s("b"));
    outputs.put("same", s("x"));
    outputs.put("token", secret(s("rotated")));
    Map<String, Value> prior = new LinkedHashMap<>();
    prior.put("content", s("a"));
    prior.put("same", s("x"));
    prior.put("token", secret(s("old")));
    prior.put("gone", s("bye"));
    return new Fixture("refresh-only-outputs", plan(PlanMode.REFRESH_ONLY, List.of(), drift, outputs), prior);
  }

  static Fixture refreshOnlyNoChanges() {
    return new Fixture("refresh-only-no-changes", plan(PlanMode.REFRESH_ONLY, List.of(), List.of(), Map.of()),
        Map.of());
  }

  static Fixture destroyNothing() {
    return new Fixture("destroy-nothing", plan(PlanMode.DESTROY, List.of(), List.of(), Map.of()), Map.of());
  }

  /** An import without changes, an import with an update, a removed object forgotten, a deposed object destroyed. */
  static Fixture importForgetDeposed() {
    Value adopted = obj("id", "9f86d0", "filename", "out/a.txt", "content", "hello");
    Value tagged = obj("id", "i-123", "name", "web");
    ResourceChange updated = change(addr("kplan_data", "web"), Action.UPDATE, tagged,
        obj("id", "i-123", "name", "web-2"), List.of(), ChangeReason.NONE);
    List<ResourceChange> cs = List.of(
        change(addr("local_file", "adopted"), Action.NO_OP, adopted, adopted, List.of(), ChangeReason.NONE)
            .withImporting("out/a.txt"),
        updated.withImporting("i-123"),
        change(addr("local_file", "kept"), Action.FORGET, obj("id", "k1", "filename", "out/kept.txt"), null,
            List.of(), ChangeReason.FORGET_BECAUSE_REMOVED),
        change(addr("local_file", "cfg"), Action.NO_OP, obj("id", "new1", "content", "b"),
            obj("id", "new1", "content", "b"), List.of(), ChangeReason.NONE),
        new ResourceChange(addr("local_file", "cfg"), Action.DELETE, obj("id", "old1", "content", "a"), nul(),
            List.of(), ChangeReason.NONE, ProviderAddress.implied("local_file"), nul(), null, List.of(), null, null,
            "1a2b3c4d"));
    return new Fixture("import-forget-deposed", plan(PlanMode.NORMAL, cs, List.of(), Map.of()), Map.of());
  }

  private static Value withAttr(Value o, String name, Value v) {
    Map<String, Value> m = new LinkedHashMap<>(((dev.kplan.lang.value.ObjectValue) o).attributes());
    m.put(name, v);
    return Value.object(m);
  }
}
