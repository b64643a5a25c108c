package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.Value;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagsTest {
  @Test
  void tagsAllIsTheDefaultsOverriddenByTheResourcesTags() {
    Value all = Tags.planAll(Map.of("team", "platform", "env", "prod"), Vals.map(Map.of("env", "dev", "Name", "x")));
    assertEquals(Map.of("team", "platform", "env", "dev", "Name", "x"), Vals.stringMap(all));
  }

  @Test
  void liveTagsThatOnlyComeFromTheDefaultsAreNotTheResourcesOwn() {
    Map<String, String> live = Map.of("team", "platform", "Name", "x");
    assertEquals(Map.of("Name", "x"), Vals.stringMap(Tags.own(live, Map.of("team", "platform"), Vals.map(Map.of("Name", "x")))));
  }

  @Test
  void aDefaultTagChangedByHandAndATagAddedByHandShowAsTheResourcesOwn() {
    Map<String, String> live = Map.of("team", "other", "owner", "bob");
    assertEquals(Map.of("team", "other", "owner", "bob"),
        Vals.stringMap(Tags.own(live, Map.of("team", "platform"), Vals.map(null))));
  }

  @Test
  void noOwnTagsAndNoneConfiguredStaysNull() {
    assertTrue(Tags.own(Map.of("team", "platform"), Map.of("team", "platform"), Vals.map(null)).isNull());
  }

  @Test
  void kplansOwnTagsAreHiddenAndNeverRemoved() {
    assertEquals(Map.of("a", "1"), Tags.visible(Map.of("a", "1", Tags.ADDRESS, "aws_vpc.x")));
    Tags.Change c = Tags.change(Map.of("a", "1", "b", "2", Tags.ADDRESS, "aws_vpc.x"), Vals.map(Map.of("a", "3")), null);
    assertEquals(Set.of("b"), c.remove());
    assertEquals(Map.of("a", "3"), c.set());
  }

  @Test
  void aDroppedAddressTagIsWrittenAgain() {
    Tags.Change c = Tags.change(Map.of("a", "1"), Vals.map(Map.of("a", "1")), "aws_s3_bucket.logs");
    assertEquals(Map.of(Tags.ADDRESS, "aws_s3_bucket.logs"), c.set());
  }
}
