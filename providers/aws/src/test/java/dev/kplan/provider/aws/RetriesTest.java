package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.provider.ConfigureResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Throttling answers are retried with backoff. moto never throttles, so a loopback HTTP server answers STS
 * with AWS's documented Throttling error a given number of times, then with a caller identity.
 */
class RetriesTest {
  static final String THROTTLED = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
      + "<Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
      + "<RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>";
  static final String IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
      + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/kplan</Arn><UserId>AIDAEXAMPLE</UserId>"
      + "<Account>123456789012</Account></GetCallerIdentityResult>"
      + "<ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>"
      + "</GetCallerIdentityResponse>";

  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  volatile int throttleFirst;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      boolean throttle = requests.incrementAndGet() <= throttleFirst;
      byte[] body = (throttle ? THROTTLED : IDENTITY).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/xml");
      exchange.sendResponseHeaders(throttle ? 400 : 200, body.length);
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

  ConfigureResult configure(int maxRetries) {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    AwsProvider provider = new AwsProvider(List.of());
    try {
      return new TestingAws(provider).configure(TestingAws.providerConfig(endpoint, "us-east-1", Map.of(), maxRetries));
    } finally {
      provider.close();
    }
  }

  @Test
  void throttledRequestsAreRetriedUntilTheyPass() {
    throttleFirst = 2;
    ConfigureResult r = configure(3);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(3, requests.get(), "two throttled attempts, then the one that passed");
  }

  @Test
  void throttlingBeyondMaxRetriesIsADiagnosticNamingIt() {
    throttleFirst = 100;
    ConfigureResult r = configure(1);
    Diagnostic d = r.diagnostics().errors().get(0);
    assertEquals("AWS request failed", d.summary());
    assertTrue(d.detail().contains("Throttling") && d.detail().contains("Rate exceeded"), d.detail());
    assertEquals(2, requests.get(), "max_retries = 1: one retry");
  }
}
