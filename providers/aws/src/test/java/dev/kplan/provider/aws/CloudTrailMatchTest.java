package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kplan.provider.ChangeOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event matching on LookupEvents answers shaped as the CloudTrail API reference documents them, as sent on the
 * wire (times in epoch seconds; moto has no LookupEvents): the fixture holds a read, a hand change by the CLI, a later failed call, kplan's own change
 * and an older delete by a program.
 */
class CloudTrailMatchTest {
  static List<CloudTrailMatch.Event> fixture(String name) throws IOException {
    try (InputStream in = CloudTrailMatchTest.class.getResourceAsStream("/cloudtrail/" + name)) {
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<CloudTrailMatch.Event> out = new ArrayList<>();
      for (JsonNode e : root.get("Events")) {
        out.add(new CloudTrailMatch.Event(e.get("EventName").asString(), Instant.ofEpochSecond(e.get("EventTime").asLong()),
            e.get("Username").asString(), Boolean.valueOf(e.get("ReadOnly").asString()),
            e.get("CloudTrailEvent").asString()));
      }
      return out;
    }
  }

  @Test
  void theNewestSuccessfulWriteNotByKplanExplainsTheDrift() throws IOException {
    CloudTrailMatch.Found f = CloudTrailMatch.newest(fixture("lookup-events-bucket-policy.json"), false);
    assertEquals("arn:aws:iam::123456789012:user/alice", f.principal());
    assertEquals("PutBucketPolicy", f.eventName());
    assertEquals(Instant.parse("2026-11-25T10:12:40Z"), f.time());
    assertEquals(ChangeOrigin.MANUAL, f.origin(), "the AWS CLI is a person");
  }

  @Test
  void aDeletedObjectIsExplainedByADeleteEvent() throws IOException {
    CloudTrailMatch.Found f = CloudTrailMatch.newest(fixture("lookup-events-bucket-policy.json"), true);
    assertEquals("arn:aws:sts::123456789012:assumed-role/deploy/deploy-bot", f.principal());
    assertEquals("DeleteBucketPolicy", f.eventName());
    assertEquals(ChangeOrigin.AUTOMATION, f.origin(), "boto3 is a program");
  }

  @Test
  void onlyReadsAndKplansOwnChangesExplainNothing() throws IOException {
    List<CloudTrailMatch.Event> events = new ArrayList<>(fixture("lookup-events-bucket-policy.json"));
    events.removeIf(e -> e.cloudTrailEvent().contains("aws-cli/2.22.1 md") && !e.readOnly()
        || e.eventName().startsWith("Delete"));
    assertNull(CloudTrailMatch.newest(events, false));
  }

  @Test
  void originFollowsTheUserAgent() {
    assertEquals(ChangeOrigin.MANUAL, CloudTrailMatch.origin("console.amazonaws.com", null));
    assertEquals(ChangeOrigin.AUTOMATION, CloudTrailMatch.origin("cloudformation.amazonaws.com", null));
    assertEquals(ChangeOrigin.AUTOMATION, CloudTrailMatch.origin("APN/1.0 HashiCorp/1.0 Terraform/1.9.0", null));
    assertEquals(ChangeOrigin.UNKNOWN, CloudTrailMatch.origin("curl/8.0", null));
  }
}
