package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.OrderRequest;
import dev.kplan.provider.OrderResult;
import dev.kplan.provider.Provider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orderings between changed instances that their providers ask for beyond references
 * ({@link Provider#order}): each provider sees only its own instances, and answers per instance,
 * so that two instances of one {@code for_each} can be ordered (a namespace and a config map from
 * one multi-document file).
 */
final class ImplicitOrder {
  private ImplicitOrder() {}

  /** For each dependent instance, the instances it must follow (and be deleted before). */
  static Map<ResourceAddress, Set<ResourceAddress>> of(Iterable<ResourceChange> changes,
      Map<ProviderAddress, Provider> providers) {
    Map<ProviderAddress, List<ResourceChange>> byProvider = new LinkedHashMap<>();
    for (ResourceChange c : changes) {
      if (c.deposedKey() == null && c.action() != Action.NO_OP && c.action() != Action.READ
          && c.action() != Action.FORGET) {
        byProvider.computeIfAbsent(c.provider(), k -> new ArrayList<>()).add(c);
      }
    }
    Map<ResourceAddress, Set<ResourceAddress>> out = new HashMap<>();
    byProvider.forEach((pa, list) -> {
      Provider p = providers.get(pa);
      if (p == null || list.size() < 2) {
        return;
      }
      Map<String, ResourceAddress> byName = new HashMap<>();
      List<OrderRequest.Instance> instances = new ArrayList<>();
      for (ResourceChange c : list) {
        byName.put(c.address().toString(), c.address());
        instances.add(new OrderRequest.Instance(c.address().toString(), c.address().type(),
            ValueMarks.unmarkDeep(c.action() == Action.DELETE ? c.before() : c.after())));
      }
      for (OrderResult.Edge e : p.order(new OrderRequest(instances)).edges()) {
        ResourceAddress dependent = byName.get(e.dependent());
        ResourceAddress dependency = byName.get(e.dependency());
        if (dependent != null && dependency != null) {
          out.computeIfAbsent(dependent, k -> new LinkedHashSet<>()).add(dependency);
        }
      }
    });
    return out;
  }
}
