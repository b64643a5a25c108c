package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code kplan plan -out=FILE}, {@code kplan apply FILE} and {@code kplan show FILE} on real folders. */
class PlanFileCommandTest {
  @TempDir Path dir;

  static final String CONFIG = """
      variable "word" {
        type    = string
        default = "hello"
      }
      variable "token" {
        type      = string
        default   = "t0ps3cret"
        sensitive = true
      }
      resource "local_file" "note" {
        for_each = toset(["a", "b"])
        filename = "out/${each.key}.txt"
        content  = "${var.word} ${each.key}\\n"
      }
      resource "kplan_data" "secret" {
        input = var.token
      }
      resource "kplan_data" "later" {
        input = kplan_data.secret.id
      }
      output "word" {
        value = var.word
      }
      """;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  void write(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
  }

  @Test
  void aSavedPlanIsAppliedExactlyWithTheVariablesItWasMadeWithAndWithoutAsking() throws IOException {
    write(CONFIG);
    CliRun plan = kplan("plan", "-var", "word=saved", "-out=tfplan");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("Plan: 4 to add, 0 to change, 0 to destroy."), plan.out());
    assertTrue(plan.out().contains("Saved the plan to: tfplan\n\nTo perform exactly these actions, run the following"
        + " command to apply:\n    kplan apply \"tfplan\"\n"), plan.out());
    assertFalse(Files.exists(dir.resolve("out")));
    String file = Files.readString(dir.resolve("tfplan"));
    assertTrue(file.contains("\"kplan_plan_format\""), file);

    // the -var given to plan is in the plan: apply needs none, and asks nothing (stdin is empty)
    CliRun apply = kplan("apply", "tfplan");
    assertEquals(0, apply.exitCode(), apply.err());
    assertFalse(apply.out().contains("Do you want to perform these actions?"), apply.out());
    assertTrue(apply.out().contains("Apply complete! Resources: 4 added, 0 changed, 0 destroyed."), apply.out());
    assertTrue(apply.out().contains("word = \"saved\""), apply.out());
    assertEquals("saved a\n", Files.readString(dir.resolve("out/a.txt")));
    assertFalse(apply.out().contains("t0ps3cret"), apply.out());

    CliRun again = kplan("plan", "-var", "word=saved");
    assertTrue(again.out().contains("No changes."), again.out());
  }

  @Test
  void aSavedPlanIsRefusedAsStaleOnceAnotherApplyChangedTheState() throws IOException {
    write(CONFIG);
    assertEquals(0, kplan("plan", "-out=first.plan").exitCode());
    assertEquals(0, kplan("plan", "-out=second.plan").exitCode());
    assertEquals(0, kplan("apply", "first.plan").exitCode());
    CliRun stale = kplan("apply", "second.plan");
    assertEquals(1, stale.exitCode());
    assertTrue(stale.err().contains("Error: Saved plan is stale"), stale.err());
    assertFalse(stale.out().contains("Apply complete!"), stale.out());
  }

  @Test
  void aSavedPlanIsRefusedWhenTheConfigurationChangedSince() throws IOException {
    write(CONFIG);
    assertEquals(0, kplan("plan", "-out=tfplan").exitCode());
    write(CONFIG.replace("\"hello\"", "\"bye\""));
    CliRun r = kplan("apply", "tfplan");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("Error: Saved plan does not match the configuration"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aSavedPlanIsRefusedWhenAChildModuleFileChangedSince() throws IOException {
    Files.createDirectories(dir.resolve("modules/child"));
    write("""
        module "child" {
          source = "./modules/child"
        }
        """);
    Files.writeString(dir.resolve("modules/child/main.kp.hcl"), """
        resource "local_file" "note" {
          filename = "${path.root}/out/child.txt"
          content  = "hello"
        }
        """);
    assertEquals(0, kplan("plan", "-out=tfplan").exitCode());
    Files.writeString(dir.resolve("modules/child/main.kp.hcl"), """
        resource "local_file" "note" {
          filename = "${path.root}/out/child.txt"
          content  = "bye"
        }
        """);
    CliRun r = kplan("apply", "tfplan");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Saved plan does not match the configuration"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aSavedPlanIsRefusedWhenAnAutoVariablesFileChangedSince() throws IOException {
    write(CONFIG);
    Files.writeString(dir.resolve("words.auto.kpvars.hcl"), "word = \"hi\"\n");
    assertEquals(0, kplan("plan", "-out=tfplan").exitCode());
    Files.writeString(dir.resolve("words.auto.kpvars.hcl"), "word = \"ho\"\n");
    CliRun r = kplan("apply", "tfplan");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Saved plan does not match the configuration"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aCorruptOrForeignFileIsNotAPlan() throws IOException {
    write(CONFIG);
    assertEquals(0, kplan("plan", "-out=tfplan").exitCode());
    byte[] whole = Files.readAllBytes(dir.resolve("tfplan"));
    Files.write(dir.resolve("cut.plan"), java.util.Arrays.copyOf(whole, whole.length / 2));
    CliRun cut = kplan("apply", "cut.plan");
    assertEquals(1, cut.exitCode());
    assertTrue(cut.err().contains("Error: Failed to load the plan file"), cut.err());
    assertTrue(cut.err().contains("\"cut.plan\" is not a kplan plan file"), cut.err());
    assertFalse(cut.err().contains("Exception"), cut.err());

    String text = new String(whole, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("bad.plan"), text.replace("\"action\" : \"create\"", "\"action\" : \"explode\""));
    CliRun bad = kplan("show", "bad.plan");
    assertEquals(1, bad.exitCode());
    assertTrue(bad.err().contains("is corrupt: plan.changes[0].action: unknown value \"explode\""), bad.err());

    CliRun missing = kplan("apply", "nowhere.plan");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("Error: Failed to read the plan file"), missing.err());
  }

  @Test
  void aPlanFromAnotherKplanVersionIsRefused() throws IOException {
    write(CONFIG);
    assertEquals(0, kplan("plan", "-out=tfplan").exitCode());
    String text = Files.readString(dir.resolve("tfplan"));
    Files.writeString(dir.resolve("old.plan"), text.replaceFirst("\"kplan_version\" : \"[^\"]*\"",
        "\"kplan_version\" : \"0.0.1\""));
    CliRun r = kplan("apply", "old.plan");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("Error: Saved plan is incompatible"), r.err());
    assertTrue(r.err().contains("created by kplan 0.0.1"), r.err());
  }

  @Test
  void variablesAndPlanningOptionsAreRejectedWithASavedPlan() throws IOException {
    write(CONFIG);
    assertEquals(0, kplan("plan", "-out=tfplan").exitCode());
    CliRun vars = kplan("apply", "-var", "word=x", "tfplan");
    assertEquals(1, vars.exitCode());
    assertTrue(vars.err().contains("Error: Can't set variables when applying a saved plan"), vars.err());
    CliRun target = kplan("apply", "-target=kplan_data.secret", "tfplan");
    assertEquals(1, target.exitCode());
    assertTrue(target.err().contains("Error: Can't change planning options when applying a saved plan"), target.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aTargetedDestroyPlanKeepsItsModeAndTargetsInTheFile() throws IOException {
    write(CONFIG);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    CliRun plan = kplan("plan", "-destroy", "-target=local_file.note", "-out=destroy.plan");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("Plan: 0 to add, 0 to change, 2 to destroy."), plan.out());
    CliRun r = kplan("apply", "destroy.plan");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Destroy complete! Resources: 2 destroyed."), r.out());
    assertFalse(Files.exists(dir.resolve("out/a.txt")));
    assertTrue(kplan("plan").out().contains("Plan: 2 to add, 0 to change, 0 to destroy."));
  }

  @Test
  void showOfASavedPlanPrintsItAsPlanDid() throws IOException {
    write(CONFIG);
    CliRun plan = kplan("plan", "-out=tfplan");
    CliRun show = kplan("show", "tfplan");
    assertEquals(0, show.exitCode(), show.err());
    String shown = plan.out().substring(0, plan.out().indexOf("\n\u2500"));
    assertEquals(shown.stripTrailing(), show.out().stripTrailing());
    Golden.check("show/plan.txt", show.out());
  }

  @Test
  void showJsonOfASavedPlanIsTerraformsJsonPlan() throws IOException {
    write(CONFIG);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    write(CONFIG.replace("\"hello\"", "\"bye\""));
    assertEquals(0, kplan("plan", "-out=tfplan").exitCode());
    CliRun show = kplan("show", "-json", "tfplan");
    assertEquals(0, show.exitCode(), show.err());
    JsonNode root = JsonMapper.builder().build().readTree(show.out());
    assertEquals("1.2", root.get("format_version").asString());
    JsonNode changes = root.get("resource_changes");
    JsonNode a = null;
    for (JsonNode c : changes) {
      if (c.get("address").asString().equals("local_file.note[\"a\"]")) {
        a = c;
      }
    }
    assertTrue(a != null, show.out());
    assertEquals("local_file", a.get("type").asString());
    assertEquals("note", a.get("name").asString());
    assertEquals("a", a.get("index").asString());
    assertEquals("delete", a.get("change").get("actions").get(0).asString());
    assertEquals("create", a.get("change").get("actions").get(1).asString());
    assertEquals("hello a\n", a.get("change").get("before").get("content").asString());
    assertEquals("bye a\n", a.get("change").get("after").get("content").asString());
    assertEquals("bye a\n", a.get("change").get("after").get("content").asString());
    JsonNode later = null;
    for (JsonNode c : changes) {
      if (c.get("address").asString().equals("kplan_data.secret")) {
        later = c;
      }
    }
    assertEquals("no-op", later.get("change").get("actions").get(0).asString(), show.out());
    assertTrue(later.get("change").get("after_sensitive").get("input").asBoolean(), show.out());
    JsonNode output = root.get("output_changes").get("word");
    assertEquals("update", output.get("actions").get(0).asString());
    assertEquals("hello", output.get("before").asString());
    assertEquals("bye", output.get("after").asString());
  }
}
