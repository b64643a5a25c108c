package dev.kplan.provider.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM's tag lists as maps, and the tag changes of an update as TagX/UntagX calls. */
final class IamTags {
  private IamTags() {}

  static Map<String, String> map(List<Tag> tags) {
    Map<String, String> out = new TreeMap<>();
    if (tags != null) {
      tags.forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  static List<Tag> list(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  static void update(Map<String, String> live, dev.kplan.lang.value.Value plannedAll, String address,
      Consumer<List<String>> untag, Consumer<List<Tag>> tag) {
    Tags.Change c = Tags.change(live, plannedAll, address);
    if (!c.remove().isEmpty()) {
      untag.accept(new ArrayList<>(c.remove()));
    }
    if (!c.set().isEmpty()) {
      tag.accept(list(c.set()));
    }
  }
}
