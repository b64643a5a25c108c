package dev.kplan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a large, realistic configuration: resource blocks with nested blocks, templates, {@code for}
 * expressions and function calls, in files of {@value #PER_FILE} resources. Deterministic: the same
 * count always gives the same text.
 *
 * <p>Usage: {@code bench/gen-config OUT_DIR [RESOURCES]} (default 10,000).
 */
public final class ConfigGenerator {
  static final int PER_FILE = 500;

  private ConfigGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: gen-config OUT_DIR [RESOURCES]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Files.createDirectories(out);
    List<String> files = files(count);
    for (int i = 0; i < files.size(); i++) {
      Files.writeString(out.resolve(String.format("part-%03d.kp.hcl", i)), files.get(i), StandardCharsets.UTF_8);
    }
    System.out.printf("wrote %d resources in %d files to %s%n", count, files.size(), out);
  }

  /** The configuration as file texts: the first holds variables and locals. */
  public static List<String> files(int resources) {
    List<String> files = new ArrayList<>();
    files.add(header());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < resources; i++) {
      sb.append(i % 2 == 0 ? deployment(i) : securityGroup(i));
      if ((i + 1) % PER_FILE == 0) {
        files.add(sb.toString());
        sb.setLength(0);
      }
    }
    if (!sb.isEmpty()) {
      files.add(sb.toString());
    }
    return files;
  }

  static String header() {
    return """
        variable "namespace" {
          type    = string
          default = "apps"
        }

        variable "env" {
          type    = string
          default = "staging"
        }

        variable "tag" {
          type    = string
          default = "1.4.2"
        }

        variable "images" {
          type    = list(string)
          default = ["registry.local/web", "registry.local/sidecar"]
        }

        variable "vpc_cidr" {
          type    = string
          default = "10.20.0.0/16"
        }

        locals {
          common_labels = {
            "app.kubernetes.io/managed-by" = "kplan"
            "app.kubernetes.io/part-of"    = "bench"
            environment                    = var.env
          }
          envs = {
            dev  = { tier = "small", replicas = 1 }
            prod = { tier = "large", replicas = 3 }
          }
          ports = [80, 443, 8080]
        }
        """;
  }

  static String deployment(int i) {
    String id = String.format("%05d", i);
    return """

        # Deployment %1$s, one per environment
        resource "kubernetes_manifest" "app_%1$s" {
          for_each = local.envs

          manifest = {
            apiVersion = "apps/v1"
            kind       = "Deployment"
            metadata = {
              name      = "app-%1$s-${each.key}"
              namespace = var.namespace
              labels    = merge(local.common_labels, { app = "app-%1$s", tier = each.value.tier })
            }
            spec = {
              replicas = each.value.replicas * 2
              selector = { matchLabels = { app = "app-%1$s" } }
              template = {
                metadata = { labels = { app = "app-%1$s" } }
                spec = {
                  containers = [for idx, img in var.images : {
                    name  = "c${idx}"
                    image = "${img}:${var.tag}"
                    ports = [for p in local.ports : { containerPort = p + idx }]
                    env = [
                      { name = "ENV", value = upper(var.env) },
                      { name = "SLOT", value = tostring(%2$d %% 7) },
                    ]
                  }]
                }
              }
            }
          }

          lifecycle {
            ignore_changes = [manifest.metadata.annotations]
          }
        }
        """.formatted(id, i);
  }

  static String securityGroup(int i) {
    String id = String.format("%05d", i);
    return """

        resource "aws_security_group" "sg_%1$s" {
          name        = format("sg-%%s-%%s", "%1$s", var.env)
          description = <<-EOT
            Security group %1$s for ${var.env}
            %%{ for p in local.ports ~}
            allows ${p}
            %%{ endfor ~}
          EOT

          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = [cidrsubnet(var.vpc_cidr, 8, %2$d %% 256)]
          }

          egress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }

          tags = {
            Name    = lower("SG-%1$s")
            Env     = var.env
            Ports   = join(",", [for p in local.ports : tostring(p) if p != 8080])
            Managed = length(local.common_labels) > 0 ? "kplan" : "unknown"
          }
        }
        """.formatted(id, i);
  }
}
