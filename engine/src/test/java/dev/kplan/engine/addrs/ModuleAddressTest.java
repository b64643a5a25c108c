package dev.kplan.engine.addrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleAddressTest {
  static ResourceAddress r(String text) {
    return ResourceAddress.parse(text).value();
  }

  @Test
  void aTargetIsAModuleWhenNothingFollowsItsSteps() {
    assertInstanceOf(ModuleAddress.class, Targetable.parse("module.a[\"k\"].module.b").value());
    assertInstanceOf(ResourceAddress.class, Targetable.parse("module.a.local_file.x[0]").value());
    assertEquals("module.a[\"k\"].module.b", Targetable.parse("module.a[\"k\"].module.b").value().toString());
    assertFalse(ModuleAddress.parse("local_file.x").ok());
  }

  @Test
  void aStepWithoutKeyCoversEveryInstance() {
    ModuleAddress call = ModuleAddress.parse("module.a").value();
    ModuleAddress one = ModuleAddress.parse("module.a[\"x\"]").value();
    assertTrue(call.contains(r("module.a[\"x\"].module.b.local_file.f")));
    assertTrue(one.contains(r("module.a[\"x\"].local_file.f")));
    assertFalse(one.contains(r("module.a[\"y\"].local_file.f")));
    assertFalse(call.contains(r("local_file.f")));
    assertTrue(r("module.a.local_file.f").contains(r("module.a[1].local_file.f[2]")));
    assertFalse(r("local_file.f").contains(r("module.a.local_file.f")));
  }

  @Test
  void theConfigurationAddressDropsEveryKey() {
    assertEquals(r("module.a.module.b.local_file.f"), r("module.a[\"x\"].module.b[0].local_file.f[3]").config());
    assertEquals(r("module.a.local_file.f[1]"), r("local_file.f[1]").inModule(List.of(new ModuleStep("a",
        InstanceKey.NONE))));
  }

  @Test
  void providerAddressesMayNameTheirModule() {
    ProviderAddress p = ProviderAddress.parse("module.child.provider.local.west").value();
    assertEquals(List.of("child"), p.module());
    assertEquals("local.west", p.configText());
    assertEquals("module.child.provider.local.west", p.toString());
    assertFalse(ProviderAddress.parse("module.child[0].provider.local").ok());
  }
}
