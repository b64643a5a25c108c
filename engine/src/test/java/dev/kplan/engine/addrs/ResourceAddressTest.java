package dev.kplan.engine.addrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResourceAddressTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "aws_vpc.main",
      "aws_vpc.main[0]",
      "data.local_file.f",
      "data.local_file.f[\"a b\"]",
      "module.a[\"x\"].kubernetes_manifest.web[\"k\"]",
      "module.a.module.b[3].local_file.cfg",
      "local_file.cfg[\"quote\\\"and\\\\slash\\n\"]",
      "local_file.cfg[\"$${not.a.template}\"]",
  })
  void printsWhatItParses(String text) {
    AddressParser.Result<ResourceAddress> r = ResourceAddress.parse(text);
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    assertEquals(text, r.value().toString());
  }

  @Test
  void parsesEveryPart() {
    ResourceAddress a = ResourceAddress.parse("module.a[\"x\"].kubernetes_manifest.web[\"k\"]").value();
    assertEquals(List.of(new ModuleStep("a", InstanceKey.of("x"))), a.module());
    assertEquals(ResourceMode.MANAGED, a.mode());
    assertEquals("kubernetes_manifest", a.type());
    assertEquals("web", a.name());
    assertEquals(InstanceKey.of("k"), a.key());
    assertEquals("module.a[\"x\"]", a.modulePath());

    ResourceAddress d = ResourceAddress.parse("data.local_file.f").value();
    assertEquals(ResourceAddress.data("local_file", "f"), d);
    assertEquals(InstanceKey.of(0), ResourceAddress.parse("aws_vpc.main[0]").value().key());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "aws_vpc", "aws_vpc.main.extra", "aws_vpc.main[", "aws_vpc.main[x]", "aws_vpc[0].main",
      "module.a", "data.local_file", "aws_vpc..main", "aws_vpc.main[-1]", "1abc.x", "aws_vpc.main[\"x\""})
  void rejectsMalformedAddressesWithADiagnostic(String text) {
    AddressParser.Result<ResourceAddress> r = ResourceAddress.parse(text);
    assertFalse(r.ok());
    assertTrue(r.diagnostics().hasErrors());
    assertEquals("Invalid address", r.diagnostics().errors().get(0).summary());
  }

  @Test
  void ordersByModuleThenModeTypeNameAndKey() {
    List<String> sorted = List.of(
        "a_b.x", "a_b.x[1]", "a_b.x[2]", "a_b.x[10]", "a_b.x[\"a\"]", "a_b.y", "b_b.a", "data.a_b.x",
        "module.m.a_b.x", "module.m[\"k\"].a_b.x");
    List<ResourceAddress> addrs = new ArrayList<>();
    for (int i = sorted.size() - 1; i >= 0; i--) {
      addrs.add(ResourceAddress.parse(sorted.get(i)).value());
    }
    addrs.sort(null);
    assertEquals(sorted, addrs.stream().map(ResourceAddress::toString).toList());
  }

  @Test
  void equalityIsStructuralAndResourceDropsTheKey() {
    ResourceAddress a = ResourceAddress.parse("local_file.f[\"x\"]").value();
    assertEquals(ResourceAddress.managed("local_file", "f").instance(InstanceKey.of("x")), a);
    assertEquals(ResourceAddress.managed("local_file", "f"), a.resource());
    assertTrue(a.resource().contains(a));
    assertFalse(a.contains(a.resource()));
    assertFalse(a.contains(a.instance(InstanceKey.of("y"))));
  }

  @Test
  void providerAddressesParseAndPrint() {
    assertEquals(new ProviderAddress("kubernetes", null), ProviderAddress.parse("provider.kubernetes").value());
    ProviderAddress staging = ProviderAddress.parse("provider.kubernetes.staging").value();
    assertEquals(new ProviderAddress("kubernetes", "staging"), staging);
    assertEquals("provider.kubernetes.staging", staging.toString());
    assertEquals("kubernetes.staging", staging.configText());
    assertFalse(ProviderAddress.parse("kubernetes").ok());
    assertFalse(ProviderAddress.parse("provider.a.b.c").ok());
    assertTrue(ProviderAddress.of("a").compareTo(new ProviderAddress("a", "z")) < 0);
  }

  @Test
  void resourceTypesImplyTheirProviderByPrefix() {
    assertEquals(ProviderAddress.of("kubernetes"), ProviderAddress.implied("kubernetes_manifest"));
    assertEquals(ProviderAddress.of("aws"), ProviderAddress.implied("aws_iam_role_policy"));
    assertEquals(ProviderAddress.of("kplan"), ProviderAddress.implied("kplan_data"));
    assertEquals(ProviderAddress.of("null"), ProviderAddress.implied("null"));
  }
}
