package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * {@code kplan} with the AWS routing and instance types against the sandbox's moto: a public network with an
 * instance applied and planned unchanged; a rule opened by hand on a managed group shown as security-sensitive
 * drift; {@code -unmanaged} listing a group made by hand unless {@code .kplanignore} expects it; import blocks
 * with {@code -generate-config-out} adopting a route table (its routes written as blocks) and an instance.
 */
@KplanSandbox(SandboxService.AWS)
class AwsNetworkEndToEndIT {
  @TempDir Path dir;
  Sandbox sandbox;
  String suffix;

  @BeforeEach
  void names(Sandbox sandbox) {
    this.sandbox = sandbox;
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  String provider() {
    String endpoint = sandbox.env().awsEndpoint().toString();
    return """
        provider "aws" {
          region     = "%s"
          access_key = "testing"
          secret_key = "testing"
          endpoints {
            ec2 = "%s"
            sts = "%s"
          }
        }
        """.formatted(sandbox.env().awsRegion(), endpoint, endpoint);
  }

  String ami() {
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      return ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
    }
  }

  CliRun kplan(String... args) {
    CliRun r = CliRun.in(dir, args);
    assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), "no stack trace:\n" + r.out() + r.err());
    return r;
  }

  @Test
  void aPublicNetworkWithAnInstancePlansNoChangesAndAPortOpenedByHandIsSecuritySensitive() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), provider() + """
        data "aws_availability_zones" "up" {
          state = "available"
        }
        data "aws_vpc" "default" {
          default = true
        }
        output "default_vpc_cidr" {
          value = data.aws_vpc.default.cidr_block
        }
        resource "aws_vpc" "main" {
          cidr_block = "10.60.0.0/16"
        }
        resource "aws_internet_gateway" "gw" {
          vpc_id = aws_vpc.main.id
        }
        resource "aws_subnet" "public" {
          vpc_id            = aws_vpc.main.id
          cidr_block        = "10.60.1.0/24"
          availability_zone = data.aws_availability_zones.up.names[0]
        }
        resource "aws_route_table" "public" {
          vpc_id = aws_vpc.main.id
          route {
            cidr_block = "0.0.0.0/0"
            gateway_id = aws_internet_gateway.gw.id
          }
        }
        resource "aws_route_table_association" "public" {
          subnet_id      = aws_subnet.public.id
          route_table_id = aws_route_table.public.id
        }
        resource "aws_security_group" "web" {
          name   = "web-%1$s"
          vpc_id = aws_vpc.main.id
        }
        resource "aws_vpc_security_group_ingress_rule" "https" {
          security_group_id = aws_security_group.web.id
          ip_protocol       = "tcp"
          from_port         = 443
          to_port           = 443
          cidr_ipv4         = "0.0.0.0/0"
        }
        resource "aws_instance" "web" {
          ami                    = "%2$s"
          instance_type          = "t3.micro"
          subnet_id              = aws_subnet.public.id
          vpc_security_group_ids = [aws_security_group.web.id]
          tags                   = { Name = "web-%1$s" }
        }
        """.formatted(suffix, ami()));
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("8 added"), apply.out());
    assertTrue(apply.out().contains("default_vpc_cidr = \"172.31.0.0/16\""), "the region's default VPC: " + apply.out());
    for (int i = 0; i < 2; i++) {
      CliRun same = kplan("plan", "-detailed-exitcode");
      assertEquals(0, same.exitCode(), same.out() + same.err());
      assertTrue(same.out().contains("No changes."), same.out());
    }

    String vpcId;
    String debugGroup;
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      String groupId = ec2.describeSecurityGroups(b -> b.filters(Filter.builder().name("group-name")
          .values("web-" + suffix).build())).securityGroups().get(0).groupId();
      vpcId = ec2.describeSecurityGroups(b -> b.groupIds(groupId)).securityGroups().get(0).vpcId();
      // someone opens ssh to the world on the managed group, and makes a group of their own
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(groupId).ipPermissions(p -> p
          .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
      debugGroup = ec2.createSecurityGroup(b -> b.groupName("debug-" + suffix).description("by hand").vpcId(vpcId))
          .groupId();
    }
    String region = sandbox.env().awsRegion();
    CliRun drift = kplan("plan", "-unmanaged=" + region);
    assertEquals(0, drift.exitCode(), drift.out() + drift.err());
    String out = drift.out();
    assertTrue(out.contains("Objects have changed outside of kplan"), out);
    assertTrue(out.contains("aws_security_group.web has changed [SECURITY-SENSITIVE]"), out);
    assertTrue(out.contains("# unmanaged_ingress: "), out);
    assertTrue(out.contains("No changes."), "a rule added by hand is reported, not removed:\n" + out);
    assertTrue(out.contains("aws_security_group " + debugGroup), out);
    assertTrue(out.contains("aws_vpc_security_group_ingress_rule sgr-"), "the hand-added rule can be imported:\n" + out);

    Files.writeString(dir.resolve(".kplanignore"), "# the debugging group is expected\naws_security_group." + debugGroup + "\n");
    CliRun ignored = kplan("plan", "-unmanaged=" + region);
    assertFalse(ignored.out().contains(debugGroup), ignored.out());
    assertTrue(ignored.out().contains("aws_vpc_security_group_ingress_rule sgr-"), ignored.out());

    CliRun destroy = kplan("destroy", "-auto-approve");
    assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
  }

  @Test
  void importBlocksWithGeneratedConfigurationAdoptARouteTableAndAnInstanceThenPlanNoChanges() throws IOException {
    String tableId;
    String instanceId;
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      String vpcId = ec2.createVpc(b -> b.cidrBlock("10.61.0.0/16")).vpc().vpcId();
      String subnetId = ec2.createSubnet(b -> b.vpcId(vpcId).cidrBlock("10.61.1.0/24")).subnet().subnetId();
      String gw = ec2.createInternetGateway(b -> {}).internetGateway().internetGatewayId();
      ec2.attachInternetGateway(b -> b.internetGatewayId(gw).vpcId(vpcId));
      tableId = ec2.createRouteTable(b -> b.vpcId(vpcId)).routeTable().routeTableId();
      ec2.createRoute(b -> b.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(gw));
      String ami = ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
      instanceId = ec2.runInstances(b -> b.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1)
          .subnetId(subnetId)).instances().get(0).instanceId();
    }
    Files.writeString(dir.resolve("main.kp.hcl"), provider() + """
        import {
          to = aws_route_table.adopted
          id = "%s"
        }
        import {
          to = aws_instance.adopted
          id = "%s"
        }
        """.formatted(tableId, instanceId));
    CliRun plan = kplan("plan", "-generate-config-out=generated.kp.hcl");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("Plan: 2 to import, 0 to add, 0 to change, 0 to destroy."), plan.out());
    String generated = Files.readString(dir.resolve("generated.kp.hcl"));
    assertTrue(generated.contains("route {"), "routes are blocks:\n" + generated);
    assertTrue(generated.contains("cidr_block = \"0.0.0.0/0\""), generated);
    assertTrue(generated.contains("instance_type"), generated);
    assertFalse(generated.contains(" public_ip ") || generated.contains("tags_all"), "nothing computed:\n" + generated);

    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("2 imported, 0 added, 0 changed, 0 destroyed"), apply.out());
    CliRun after = kplan("plan", "-detailed-exitcode");
    assertEquals(0, after.exitCode(), after.out() + after.err());
    assertTrue(after.out().contains("No changes."), after.out());
  }
}
