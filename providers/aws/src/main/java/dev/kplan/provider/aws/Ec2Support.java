package dev.kplan.provider.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** EC2 details shared by the VPC types: tags, tag specifications, tag updates, ID-filtered batch reads. */
final class Ec2Support {
  private Ec2Support() {}

  /** EC2 accepts at most 200 values in one filter. */
  static final int FILTER_CHUNK = 200;

  static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> out = new TreeMap<>();
    for (Tag t : tags) {
      out.put(t.key(), t.value());
    }
    return out;
  }

  static TagSpecification tagSpecification(ResourceType type, Map<String, String> tags) {
    List<Tag> list = new ArrayList<>();
    tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
    return TagSpecification.builder().resourceType(type).tags(list).build();
  }

  /** Brings the object's tags to {@code plannedAll} (kplan's own tags stay). */
  static void updateTags(AwsContext ctx, String id, Map<String, String> live, dev.kplan.lang.value.Value plannedAll,
      String address) {
    Tags.Change c = Tags.change(live, plannedAll, address);
    if (!c.remove().isEmpty()) {
      List<Tag> keys = new ArrayList<>();
      c.remove().forEach(k -> keys.add(Tag.builder().key(k).build()));
      ctx.clients().ec2().deleteTags(b -> b.resources(id).tags(keys));
    }
    if (!c.set().isEmpty()) {
      List<Tag> tags = new ArrayList<>();
      c.set().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
      ctx.clients().ec2().createTags(b -> b.resources(id).tags(tags));
    }
  }

  /**
   * Reads the objects with {@code ids} by an ID filter, {@value #FILTER_CHUNK} at a time, all pages:
   * unlike an ID list, a filter does not fail the whole call when one object is gone.
   */
  static <T> Map<String, T> byIds(List<String> ids, String filterName, Function<Filter, List<T>> describe,
      Function<T, String> idOf) {
    Map<String, T> out = new TreeMap<>();
    List<String> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    for (int i = 0; i < distinct.size(); i += FILTER_CHUNK) {
      Filter f = Filter.builder().name(filterName).values(distinct.subList(i, Math.min(distinct.size(), i + FILTER_CHUNK))).build();
      for (T item : describe.apply(f)) {
        out.put(idOf.apply(item), item);
      }
    }
    return out;
  }

  /**
   * The ids of the objects that carry kplan's address tag {@code identity} names (all pages): what a create by
   * kplan made, found after an interrupted apply.
   */
  static <T> List<String> tagged(Map<String, String> identity, Function<Filter, List<T>> describe,
      Function<T, String> idOf) {
    String address = identity.get(Tags.ADDRESS);
    if (address == null) {
      return List.of();
    }
    Filter f = Filter.builder().name("tag:" + Tags.ADDRESS).values(address).build();
    return describe.apply(f).stream().map(idOf).distinct().sorted().toList();
  }
}
