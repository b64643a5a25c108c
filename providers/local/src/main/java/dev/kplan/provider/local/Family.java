package dev.kplan.provider.local;

import dev.kplan.lang.types.Type;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import java.util.List;
import java.util.Map;

/**
 * The three provider names this module serves, one per resource-type prefix: {@code local_…},
 * {@code random_…} and {@code kplan_…}. Only {@code local} has a configuration ({@code base_dir}).
 */
enum Family {
  LOCAL("local",
      BlockSchema.of(Map.of("base_dir", AttributeSchema.optionalComputed(Type.STRING).describedAs(
          "The folder that relative file names start from; default: the folder kplan runs in "
              + "(the -chdir folder)."))),
      List.of(FileResource.file(), FileResource.sensitiveFile()),
      List.of(FileDataSource.file(), FileDataSource.sensitiveFile())),
  RANDOM("random", BlockSchema.EMPTY,
      List.of(new RandomIdResource(), RandomStringResource.string(), RandomStringResource.password()),
      List.of()),
  KPLAN("kplan", BlockSchema.EMPTY, List.of(new KplanDataResource()), List.of());

  private final String providerName;
  private final BlockSchema config;
  private final List<ManagedType> resources;
  private final List<FileDataSource> dataSources;

  Family(String providerName, BlockSchema config, List<ManagedType> resources, List<FileDataSource> dataSources) {
    this.providerName = providerName;
    this.config = config;
    this.resources = resources;
    this.dataSources = dataSources;
  }

  String providerName() {
    return providerName;
  }

  BlockSchema config() {
    return config;
  }

  List<ManagedType> resources() {
    return resources;
  }

  List<FileDataSource> dataSources() {
    return dataSources;
  }
}
