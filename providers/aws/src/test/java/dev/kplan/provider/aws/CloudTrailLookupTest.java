package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.ChangeOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/**
 * {@code drift_attribution = "cloudtrail"} through the SDK: a loopback server answers LookupEvents with the documented
 * answer of the fixture (moto has none), and the drift of a bucket policy is attributed to the CLI user who made it.
 */
class CloudTrailLookupTest {
  HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile int status = 200;

  @BeforeEach
  void start() throws IOException {
    byte[] answer;
    try (InputStream in = getClass().getResourceAsStream("/cloudtrail/lookup-events-bucket-policy.json")) {
      answer = in.readAllBytes();
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = status == 200 ? answer : "{\"__type\":\"AccessDeniedException\",\"message\":\"no\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  CloudTrailClient client() {
    return CloudTrailClient.builder().region(Region.EU_WEST_1)
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @Test
  void aDriftedBucketPolicyIsAttributedToWhoChangedIt() {
    ResourceType t = new S3BucketPolicyResource();
    Value before = Vals.complete(t.schema().block(), Map.of("id", Value.string("kplan-demo-logs"),
        "bucket", Value.string("kplan-demo-logs"), "policy", Value.string(DriftAttributionsTest.NARROW)));
    Value after = Vals.complete(t.schema().block(), Map.of("id", Value.string("kplan-demo-logs"),
        "bucket", Value.string("kplan-demo-logs"), "policy", Value.string(DriftAttributionsTest.TO_EVERYONE)));
    try (CloudTrailClient c = client()) {
      List<Attribution> a = DriftAttributions.of(t, before, after, new CloudTrailLookup(c));
      assertEquals(1, a.size());
      Attribution x = a.get(0);
      assertEquals(Path.ROOT.attr("policy"), x.path());
      assertEquals("arn:aws:iam::123456789012:user/alice", x.manager());
      assertEquals("PutBucketPolicy", x.operation());
      assertEquals(Instant.parse("2026-11-25T10:12:40Z"), x.time());
      assertEquals(ChangeOrigin.MANUAL, x.origin());
      assertTrue(x.securitySensitive());
    }
    assertEquals(1, requests.size(), "one lookup for the drifted object");
    assertTrue(requests.get(0).contains("CloudTrail_20131101.LookupEvents "), requests.get(0));
    assertTrue(requests.get(0).contains("\"AttributeKey\":\"ResourceName\",\"AttributeValue\":\"kplan-demo-logs\""),
        requests.get(0));
  }

  @Test
  void aRefusedLookupAttributesNothingAndNoDriftLooksNothingUp() {
    status = 400;
    ResourceType t = new SnsTopicResource();
    Value s = Vals.complete(t.schema().block(), Map.of("id", Value.string("arn:aws:sns:eu-west-1:123456789012:t")));
    try (CloudTrailClient c = client()) {
      CloudTrailLookup lookup = new CloudTrailLookup(c);
      assertEquals(List.of(), DriftAttributions.of(t, s, s, lookup));
      assertEquals(0, requests.size());
      List<Attribution> gone = DriftAttributions.of(t, s, Value.nullOf(s.type()), lookup);
      assertEquals("unknown", gone.get(0).manager());
      assertNull(gone.get(0).time());
    }
  }
}
