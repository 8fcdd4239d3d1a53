package org.domainregistry.registry;

import org.domainregistry.registry.RegistryChange.Source;
import org.domainregistry.registry.RegistryChange.Type;

/**
 * Turns the registry's writes into {@link RegistryChange}s: a domain coming in or going out, and
 * with it the subdomains its host type's patterns give it. Called under the registry's write lock,
 * so changes leave in the order they were made.
 */
final class ChangeEmitter {
  private final ChangeListeners listeners;
  private final Subdomains subdomains;

  ChangeEmitter(ChangeListeners listeners, Subdomains subdomains) {
    this.listeners = listeners;
    this.subdomains = subdomains;
  }

  void in(String domain, String hostType, long eventId, boolean wasDisabled) {
    if (!listeners.isEmpty()) {
      emit(wasDisabled ? Type.ENABLED : Type.ADDED, domain, hostType, eventId, Source.DYNAMIC);
      subdomainsOf(Type.SUBDOMAIN_ADDED, domain, hostType, eventId);
    }
  }

  void out(String domain, String hostType, long eventId, boolean disabled) {
    if (!listeners.isEmpty()) {
      subdomainsOf(Type.SUBDOMAIN_REMOVED, domain, hostType, eventId);
      emit(disabled ? Type.DISABLED : Type.REMOVED, domain, hostType, eventId, Source.DYNAMIC);
    }
  }

  /** The subdomains one pattern gives (or took from) one parent. */
  void subdomain(Type type, SubdomainPattern pattern, String parent, String hostType, long eventId) {
    if (!listeners.isEmpty()) {
      emit(type, pattern.perDomain() ? pattern.prefix() + parent : pattern.pattern(), hostType, eventId,
          Source.SUBDOMAIN);
    }
  }

  void reloaded(long eventId) {
    listeners.publish(RegistryChange.reloaded(eventId));
  }

  private void subdomainsOf(Type type, String domain, String hostType, long eventId) {
    for (SubdomainPattern pattern : subdomains.covering(hostType)) {
      subdomain(type, pattern, domain, hostType, eventId);
    }
  }

  private void emit(Type type, String domain, String hostType, long eventId, Source source) {
    listeners.publish(new RegistryChange(type, domain, hostType, eventId, source));
  }
}
