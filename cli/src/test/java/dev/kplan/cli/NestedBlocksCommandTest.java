package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kplan plan} draws a resource's nested blocks as blocks, with the provider's schema:
 * list blocks with set blocks inside, map blocks and a single block, on create, update (with
 * drift), replace and destroy. The plans are compared with golden files under
 * {@code golden/blocks/}.
 */
class NestedBlocksCommandTest {
  @TempDir Path dir;

  @AfterEach
  void forgetOutsideEdits() {
    TestingBlocksProvider.forgetOutsideEdits();
  }

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  void write(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
  }

  static String firewall(int webPort, String sshSources, String level) {
    return """
        resource "testblocks_firewall" "fw" {
          name   = "edge"
          secret = "hunter2"
          rule {
            port  = %d
            proto = "tcp"
            source {
              cidr = "10.0.0.0/8"
            }
            source {
              cidr = "192.168.0.0/16"
            }
          }
          rule {
            port  = 22
            proto = "tcp"
            %s
          }
          label "team" {
            value = "net"
          }
          logging {
            level = "%s"
          }
        }
        """.formatted(webPort, sshSources, level);
  }

  @Test
  void plansShowNestedBlocksAsBlocksOnCreateUpdateReplaceAndDestroy() throws IOException {
    write(firewall(443, "source {\n      cidr = \"10.1.0.0/16\"\n    }", "info"));
    CliRun create = kplan("plan");
    assertEquals(0, create.exitCode(), create.err());
    Golden.check("blocks/create.txt", create.out());
    assertFalse(create.out().contains("hunter2"), create.out());
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());

    // outside kplan: a label is added and the first rule's port changed
    TestingBlocksProvider.editOutside("edge", NestedBlocksCommandTest::tamper);
    // in the configuration: the web port, the ssh sources and the logging level change
    write(firewall(8443, "source {\n      cidr = \"10.2.0.0/16\"\n    }", "debug"));
    CliRun update = kplan("plan");
    assertEquals(0, update.exitCode(), update.err());
    Golden.check("blocks/update-with-drift.txt", update.out());

    TestingBlocksProvider.forgetOutsideEdits();
    CliRun replace = kplan("plan", "-replace=testblocks_firewall.fw");
    assertEquals(0, replace.exitCode(), replace.err());
    Golden.check("blocks/replace.txt", replace.out());

    CliRun destroy = kplan("plan", "-destroy");
    assertEquals(0, destroy.exitCode(), destroy.err());
    Golden.check("blocks/destroy.txt", destroy.out());
    assertTrue(destroy.out().contains("      - rule {\n          - port  = 443 -> null"), destroy.out());
  }

  /** The stored firewall with a label "owner" added and the first rule's port set to 80. */
  private static Value tamper(Value stored) {
    Map<String, Value> attrs = new LinkedHashMap<>(((ObjectValue) stored).attributes());
    MapValue labels = (MapValue) attrs.get("label");
    Map<String, Value> newLabels = new LinkedHashMap<>(labels.entries());
    newLabels.put("owner", Value.object(Map.of("value", Value.string("someone"))));
    attrs.put("label", Value.map(labels.elementType(), newLabels));
    ListValue rules = (ListValue) attrs.get("rule");
    List<Value> newRules = new ArrayList<>(rules.elements());
    Map<String, Value> first = new LinkedHashMap<>(((ObjectValue) newRules.get(0)).attributes());
    first.put("port", Value.number(80));
    newRules.set(0, Value.object(first));
    attrs.put("rule", Value.list(rules.elementType(), newRules));
    return Value.object(attrs);
  }
}
