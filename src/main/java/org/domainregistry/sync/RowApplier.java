package org.domainregistry.sync;

import java.util.Locale;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.store.DomainEvent;
import org.domainregistry.store.StoredDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an event to the registry the only way that is safe whatever the order of events: by the
 * domain's current row (enabled: put in; disabled, deleting or gone: take out). Logs one line per
 * real change, at debug: the node that took the write logs it at info (README "Operating", logs).
 */
final class RowApplier {
  private static final Logger LOG = LoggerFactory.getLogger(RowApplier.class);
  private final DomainRegistry registry;

  RowApplier(DomainRegistry registry) {
    this.registry = registry;
  }

  void apply(DomainEvent event) {
    StoredDomain row = event.current();
    boolean enabled = row != null && row.status() == DomainStatus.ENABLED;
    DomainRegistry.Change change = enabled
        ? registry.putDynamic(event.domain(), row.hostType(), event.id())
        : registry.removeDynamic(event.domain(), row != null && row.status() == DomainStatus.DISABLED, event.id());
    if (change == DomainRegistry.Change.ADDED && registry.shadowsSubdomain(event.domain())) {
      LOG.warn("Event {}: domain {} host type {} has the form of a subdomain pattern; the domain wins", event.id(),
          event.domain(), row.hostType());
    }
    if (change != DomainRegistry.Change.NONE) {
      LOG.debug("Event {}: domain {} host type {}: {}", event.id(), event.domain(),
          row == null ? "-" : row.hostType(), change.name().toLowerCase(Locale.ROOT));
    }
  }
}
