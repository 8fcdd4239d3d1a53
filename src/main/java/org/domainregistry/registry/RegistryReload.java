package org.domainregistry.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A full reload of a registry's dynamic domains from one snapshot: the loaded domains are put in
 * as they come, and {@link #finish} takes out those not loaded. Listeners hear only the
 * differences, all with the snapshot's event id (known only at the end), then {@code reloaded}.
 * One reload at a time, from one thread. A reload into an empty registry (the initial load) puts
 * the domains in their host types' sorted indexes in one batch at the end, not one by one, and
 * holds the differences only while somebody listens (at a node's start nobody does yet).
 */
public final class RegistryReload {
  private final DomainRegistry registry;
  private final Set<String> loaded;
  private final List<String[]> differences = new ArrayList<>();

  RegistryReload(DomainRegistry registry, boolean track) {
    this.registry = registry;
    this.loaded = track ? new HashSet<>() : null;
  }

  /** One enabled domain of the snapshot. */
  public void put(String domain, String hostType) {
    String before = loaded == null ? null : registry.hostTypeOf(domain); // an initial load holds nothing before
    DomainRegistry.Change change = registry.putQuietly(domain, hostType);
    // An initial load keeps only what a listener can hear: one that starts listening later reads the registry.
    if ((change == DomainRegistry.Change.ADDED || change == DomainRegistry.Change.CHANGED
        || change == DomainRegistry.Change.REMOVED) && (loaded != null || !registry.changes().isEmpty())) {
      differences.add(new String[] {domain, before, change == DomainRegistry.Change.REMOVED ? null : hostType});
    }
    if (loaded != null) {
      loaded.add(domain);
    }
  }

  /** Takes out the dynamic domains the snapshot did not hold, then tells listeners what changed. */
  public void finish(long snapshotEventId) {
    registry.flushIndex();
    if (loaded != null) {
      registry.retainQuietly(loaded::contains, (domain, hostType) -> differences.add(new String[] {domain, hostType, null}));
    }
    registry.announceReload(differences, snapshotEventId);
  }
}
