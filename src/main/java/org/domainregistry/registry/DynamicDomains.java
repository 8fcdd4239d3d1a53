package org.domainregistry.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The dynamic domains of a {@link DomainRegistry}: one {@link ConcurrentHashMap} domain → host type
 * whose values are the single instances of the host type names, per host type a {@link DomainSet}
 * of the same domain strings, and the {@link Digest} of the pairs. Reads never lock; writes are
 * serialised by the registry. Tells {@link Subdomains} which real domains come and go.
 */
final class DynamicDomains {
  private final Map<String, HostTypeIndex> hostTypes;
  private final ConcurrentHashMap<String, String> domains = new ConcurrentHashMap<>();
  private final Subdomains subdomains;
  private volatile long digest;

  DynamicDomains(Map<String, String> staticDomains, Collection<String> allowedHostTypes, Subdomains subdomains) {
    this.subdomains = subdomains;
    Map<String, List<String>> staticByType = new HashMap<>();
    staticDomains.forEach((domain, type) -> staticByType.computeIfAbsent(type, t -> new ArrayList<>()).add(domain));
    Map<String, HostTypeIndex> types = new HashMap<>();
    for (String type : allowedHostTypes) {
      types.put(type, new HostTypeIndex(type, true, staticByType.getOrDefault(type, List.of())));
    }
    staticByType.forEach((type, names) -> types.putIfAbsent(type, new HostTypeIndex(type, false, names)));
    this.hostTypes = Map.copyOf(types);
  }

  String get(String domain) {
    return domains.get(domain);
  }

  int size() {
    return domains.size();
  }

  long digest() {
    return digest;
  }

  Iterable<String> names() {
    return domains.keySet();
  }

  void forEach(BiConsumer<String, String> action) {
    domains.forEach(action);
  }

  boolean isAllowed(String hostType) {
    HostTypeIndex index = hostTypes.get(hostType);
    return index != null && index.dynamic != null;
  }

  /** The static and dynamic domains of a host type (see {@link DomainRegistry#domainsByHostType}). */
  List<String> byHostType(String hostType) {
    HostTypeIndex index = hostTypes.get(hostType);
    if (index == null) {
      return List.of();
    }
    if (index.dynamic == null || index.dynamic.size() == 0) {
      return index.statics;
    }
    List<String> result = new ArrayList<>(index.statics.size() + index.dynamic.size() + 16);
    result.addAll(index.statics);
    index.dynamic.copyTo(result);
    return Collections.unmodifiableList(result);
  }

  /** Puts a non-static domain in with this host type; a host type not allowed takes it out. */
  DomainRegistry.Change put(String domain, String hostType) {
    HostTypeIndex index = hostTypes.get(hostType);
    if (index == null || index.dynamic == null) {
      return remove(domain) != null ? DomainRegistry.Change.REMOVED : DomainRegistry.Change.IGNORED_HOST_TYPE;
    }
    String previous = domains.put(domain, index.name);
    if (previous == index.name) {
      return DomainRegistry.Change.NONE;
    }
    digest += Digest.of(domain, index.name);
    if (previous == null) {
      subdomains.domainAdded(domain);
      index.dynamic.add(domain);
      return DomainRegistry.Change.ADDED;
    }
    digest -= Digest.of(domain, previous);
    index.dynamic.add(hostTypes.get(previous).dynamic.remove(domain));
    return DomainRegistry.Change.CHANGED;
  }

  /** Takes the domain out; returns its host type, or null when it was not in. */
  String remove(String domain) {
    String previous = domains.remove(domain);
    if (previous != null) {
      hostTypes.get(previous).dynamic.remove(domain);
      digest -= Digest.of(domain, previous);
      subdomains.domainRemoved(domain);
    }
    return previous;
  }

  /** Takes out every domain {@code keep} refuses, handing each (domain, host type) to {@code removed}. */
  void retain(Predicate<String> keep, BiConsumer<String, String> removed) {
    for (Iterator<Map.Entry<String, String>> it = domains.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, String> entry = it.next();
      if (!keep.test(entry.getKey())) {
        it.remove();
        hostTypes.get(entry.getValue()).dynamic.remove(entry.getKey());
        digest -= Digest.of(entry.getKey(), entry.getValue());
        subdomains.domainRemoved(entry.getKey());
        removed.accept(entry.getKey(), entry.getValue());
      }
    }
  }
}
