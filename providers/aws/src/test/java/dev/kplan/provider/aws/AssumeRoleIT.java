package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.Value;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

@KplanSandbox(value = SandboxService.AWS, resetAws = true)
class AssumeRoleIT {

  private static Map<String, Value> settings(Sandbox sandbox, Map<String, Value> assumeRole) {
    Map<String, Value> m = new LinkedHashMap<>(TestingAws.providerConfig(sandbox.env().awsEndpoint(),
        sandbox.env().awsRegion(), Map.of(), 0));
    m.put("assume_role", Vals.complete(ProviderConfigSchema.schema().blocks().get("assume_role").block(), assumeRole));
    return m;
  }

  @Test
  void everyCallIsMadeAsTheAssumedRoleWithTheConfiguredSessionName(Sandbox sandbox) {
    String roleArn;
    try (IamClient iam = sandbox.aws(IamClient.builder()).build()) {
      roleArn = iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
              + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
    }
    AwsProvider p = new AwsProvider(List.of());
    try {
      ConfigureResult r = new TestingAws(p).configure(settings(sandbox, Map.of(
          "role_arn", s(roleArn), "session_name", s("ci-deploy"), "external_id", s("team-a"), "duration", s("1h"))));
      assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
      ReadDataResult who = p.readData(new ReadDataRequest("aws_caller_identity", Value.object(Map.of())));
      assertFalse(who.diagnostics().hasErrors(), who.diagnostics().toString());
      String arn = Vals.string(who.state(), "arn");
      assertTrue(arn.contains(":assumed-role/deployer/ci-deploy"), arn);
    } finally {
      p.close();
    }
  }

  @Test
  void aRoleArnThatIsNoArnOrADurationOutOfRangeIsADiagnostic(Sandbox sandbox) {
    for (Map<String, Value> block : List.of(Map.of("role_arn", s("deployer")),
        Map.<String, Value>of("role_arn", s("arn:aws:iam::123456789012:role/deployer"), "duration", s("13h")),
        Map.<String, Value>of("role_arn", s("arn:aws:iam::123456789012:role/deployer"), "duration", s("an hour")))) {
      AwsProvider p = new AwsProvider(List.of());
      try {
        ConfigureResult r = new TestingAws(p).configure(settings(sandbox, block));
        assertTrue(r.diagnostics().hasErrors(), block.toString());
        String text = r.diagnostics().errors().get(0).summary() + " " + r.diagnostics().errors().get(0).detail();
        assertTrue(text.contains("assume_role"), text);
      } finally {
        p.close();
      }
    }
  }

  @Test
  void durationsAreReadAsTerraformWritesThem() {
    assertEquals(java.time.Duration.ofMinutes(90), AssumeRole.parseDuration("1h30m"));
    assertEquals(java.time.Duration.ofSeconds(900), AssumeRole.parseDuration("900s"));
  }
}
