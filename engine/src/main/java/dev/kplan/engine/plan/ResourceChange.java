package dev.kplan.engine.plan;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The planned change of one instance: its state before (a null value for a create) and after (a
 * null value for a delete; unknown parts are "known after apply"), the attribute paths that force
 * a replacement, and why. Values carry sensitive marks. {@code provider} is the configuration
 * that carries it out; {@code plannedPrivate} is the provider's private data for apply;
 * {@code config} is the evaluated configuration (a null value for a delete); {@code dependencies}
 * are the resources it depends on (through locals and variables too), which the applier stores so
 * that a later destroy can run in reverse order even when the configuration is gone.
 * {@code previousAddress} is where the object was stored before (null when it did not move): the
 * applier re-keys it in state, as for Terraform's implicit {@code a} ↔ {@code a[0]} moves.
 * {@code importing} is the id of an existing object an {@code import} block brings under
 * management ({@code before} is that object as read; null when not importing): the applier records
 * it without creating anything. {@code deposedKey} is set on the deletion of a deposed object (an
 * old object create_before_destroy kept because it was not destroyed yet); such a change shares
 * its address with the change of the instance's current object.
 */
public record ResourceChange(
    ResourceAddress address,
    Action action,
    Value before,
    Value after,
    List<Path> replacePaths,
    ChangeReason reason,
    ProviderAddress provider,
    Value config,
    String plannedPrivate,
    List<ResourceAddress> dependencies,
    ResourceAddress previousAddress,
    String importing,
    String deposedKey) {
  public ResourceChange {
    Objects.requireNonNull(address, "address is null");
    Objects.requireNonNull(action, "action is null");
    Objects.requireNonNull(before, "before is null");
    Objects.requireNonNull(after, "after is null");
    replacePaths = List.copyOf(replacePaths);
    Objects.requireNonNull(reason, "reason is null");
    Objects.requireNonNull(provider, "provider is null");
    Objects.requireNonNull(config, "config is null");
    dependencies = List.copyOf(dependencies);
  }

  /** A change that imports nothing. */
  public ResourceChange(ResourceAddress address, Action action, Value before, Value after, List<Path> replacePaths,
      ChangeReason reason, ProviderAddress provider, Value config, String plannedPrivate,
      List<ResourceAddress> dependencies, ResourceAddress previousAddress) {
    this(address, action, before, after, replacePaths, reason, provider, config, plannedPrivate, dependencies,
        previousAddress, null, null);
  }

  /** This change, importing the object {@code id} first. */
  public ResourceChange withBefore(Value b) {
    return new ResourceChange(address, action, b, after, replacePaths, reason, provider, config, plannedPrivate,
        dependencies, previousAddress, importing, deposedKey);
  }

  public ResourceChange withImporting(String id) {
    return new ResourceChange(address, action, before, after, replacePaths, reason, provider, config, plannedPrivate,
        dependencies, previousAddress, id, deposedKey);
  }
}
