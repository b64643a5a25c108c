package dev.kplan.lang.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kplan.lang.types.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlCodecTest {

  @Test
  void readsEveryDocumentOfAKubernetesManifestFile() {
    List<Value> docs = YamlCodec.decodeAll("""
        # a comment before the first document
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web
        ---
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: web
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - name: app
                  image: "nginx:1.27"
                  args: ["--port", "8080"]
        """);
    assertEquals(2, docs.size());
    ObjectValue deployment = (ObjectValue) docs.get(1);
    ObjectValue spec = (ObjectValue) deployment.get("spec");
    assertEquals(Value.number(2), spec.get("replicas"));
    Value container = ((TupleValue) ((ObjectValue) ((ObjectValue) spec.get("template")).get("spec"))
        .get("containers")).elements().get(0);
    assertEquals(Value.tuple(List.of(Value.string("--port"), Value.string("8080"))), ((ObjectValue) container).get("args"));
  }

  @Test
  void anchorsDoNotCrossDocuments() {
    YamlCodecException e = assertThrows(YamlCodecException.class, () -> YamlCodec.decodeAll("a: &x 1\n---\nb: *x\n"));
    assertEquals("on line 2, column 4: reference to undefined anchor \"x\"", e.getMessage());
  }

  @Test
  void encodesAndDecodesBackToTheSameValue() {
    Value v = Value.object(Map.of(
        "name", Value.string("web"),
        "ports", Value.tuple(List.of(Value.number(80), Value.number(443))),
        "script", Value.string("#!/bin/sh\necho \"hi\"\n"),
        "enabled", Value.bool(true),
        "nothing", Value.nullOf(Type.STRING),
        "labels", Value.map(Type.STRING, Map.of("tier", Value.string("front end")))));
    String yaml = YamlCodec.encode(v);
    assertEquals("""
        "enabled": true
        "labels":
          "tier": "front end"
        "name": "web"
        "nothing": null
        "ports":
        - 80
        - 443
        "script": |
          #!/bin/sh
          echo "hi"
        """, yaml);
    assertEquals(Value.object(Map.of(
        "name", Value.string("web"),
        "ports", Value.tuple(List.of(Value.number(80), Value.number(443))),
        "script", Value.string("#!/bin/sh\necho \"hi\"\n"),
        "enabled", Value.bool(true),
        "nothing", Value.nullOf(Type.DYNAMIC),
        "labels", Value.object(Map.of("tier", Value.string("front end"))))), YamlCodec.decode(yaml));
  }

  @Test
  void refusesUnknownValues() {
    YamlCodecException e = assertThrows(YamlCodecException.class,
        () -> YamlCodec.encode(Value.tuple(List.of(Value.unknownOf(Type.STRING)))));
    assertEquals("cannot serialize unknown value as YAML", e.getMessage());
  }
}
