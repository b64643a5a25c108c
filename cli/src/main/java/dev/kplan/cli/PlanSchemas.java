package dev.kplan.cli;

import dev.kplan.cli.render.ResourceSchemas;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ResourceSchema;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schemas of the providers a plan names, for drawing its nested blocks as blocks: each
 * provider found by {@code ServiceLoader} is asked for its schema only (it is not configured), as
 * Terraform's renderer reads the providers' schemas. A provider that is not installed leaves its
 * types without schema.
 */
final class PlanSchemas {
  private PlanSchemas() {}

  static ResourceSchemas of(Plan plan) {
    Set<String> names = new TreeSet<>();
    for (ResourceChange c : plan.changes()) {
      names.add(c.provider().name());
    }
    for (Drift d : plan.drift()) {
      ResourceChange c = plan.change(d.address());
      names.add(c != null ? c.provider().name() : ProviderAddress.implied(d.address().type()).name());
    }
    Map<String, ProviderSchema> schemas = new HashMap<>();
    for (ProviderFactory f : ServiceLoader.load(ProviderFactory.class)) {
      if (names.contains(f.name()) && !schemas.containsKey(f.name())) {
        Provider p = f.create();
        try {
          schemas.put(f.name(), p.schema());
        } finally {
          p.close();
        }
      }
    }
    return (address, provider) -> {
      ProviderSchema ps = schemas.get(provider.name());
      if (ps == null) {
        return null;
      }
      ResourceSchema rs = (address.mode() == ResourceMode.DATA ? ps.dataSources() : ps.resources()).get(address.type());
      return rs == null ? null : rs.block();
    };
  }
}
