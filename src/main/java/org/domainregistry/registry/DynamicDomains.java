package org.domainregistry.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The dynamic domains of a {@link DomainRegistry}: a {@link CompactTable} of entries (name and
 * host type id in one {@code byte[]}), per host type a {@link SortedEntries} of the same entries,
 * and the {@link Digest} of the pairs; plus a table of the static names so that a region of a
 * string can be looked up among both. Reads never lock; writes are serialised by the registry.
 * Tells {@link Subdomains} which real domains come and go.
 *
 * <p>During a bulk load ({@link #deferIndex}) new entries reach their host type's index in one
 * sorted batch, at the next write of another kind or at {@link #flushIndex}.
 */
final class DynamicDomains {
  private final Map<String, HostTypeIndex> hostTypes;
  private final HostTypeIndex[] byId;
  private final CompactTable domains = new CompactTable();
  private final CompactTable statics = new CompactTable();
  private final Subdomains subdomains;
  private volatile long digest;
  /** The entries added since {@link #deferIndex} and not yet in their index; null when not deferring. */
  private IndexBatch deferred;

  DynamicDomains(Map<String, String> staticDomains, Collection<String> allowedHostTypes, Subdomains subdomains) {
    this.subdomains = subdomains;
    Map<String, List<String>> staticByType = new HashMap<>();
    staticDomains.forEach((domain, type) -> staticByType.computeIfAbsent(type, t -> new ArrayList<>()).add(domain));
    Map<String, HostTypeIndex> types = new LinkedHashMap<>();
    for (String type : allowedHostTypes) {
      types.putIfAbsent(type, new HostTypeIndex(type, types.size(), true, staticByType.getOrDefault(type, List.of())));
    }
    staticByType.forEach((type, names) -> types.putIfAbsent(type, new HostTypeIndex(type, types.size(), false, names)));
    if (types.size() > Entries.MAX_TYPES) {
      throw new IllegalArgumentException("At most " + Entries.MAX_TYPES + " host types, got " + types.size());
    }
    this.hostTypes = Map.copyOf(types);
    this.byId = types.values().toArray(HostTypeIndex[]::new);
    staticDomains.forEach((domain, type) -> statics.put(Entries.of(domain, types.get(type).id), domain));
  }

  String get(String domain) {
    byte[] e = domains.get(domain, 0);
    return e == null ? null : byId[Entries.type(e)].name;
  }

  /** The host type of the dynamic or static domain named {@code name.substring(from)}, or null. */
  String get(String name, int from) {
    byte[] e = domains.get(name, from);
    if (e == null) {
      e = statics.get(name, from);
    }
    return e == null ? null : byId[Entries.type(e)].name;
  }

  int size() {
    return domains.size();
  }

  long digest() {
    return digest;
  }

  Iterable<String> names() {
    List<String> names = new ArrayList<>(domains.size());
    domains.forEach(e -> names.add(Entries.name(e)));
    return names;
  }

  void forEach(BiConsumer<String, String> action) {
    domains.forEach(e -> action.accept(Entries.name(e), byId[Entries.type(e)].name));
  }

  boolean isAllowed(String hostType) {
    HostTypeIndex index = hostTypes.get(hostType);
    return index != null && index.dynamic != null;
  }

  /** The static and dynamic domains of a host type (see {@link DomainRegistry#domainsByHostType}). */
  List<String> byHostType(String hostType) {
    HostTypeIndex index = hostTypes.get(hostType);
    return index == null ? List.of() : index.all();
  }

  /** Up to {@code limit} domains of the host type ordered after {@code after} (null: from the first), in order. */
  List<String> byHostType(String hostType, String after, int limit) {
    HostTypeIndex index = hostTypes.get(hostType);
    return index == null ? List.of() : index.page(after, limit);
  }

  /** Starts a bulk load: entries added from now on reach the host-type index in sorted batches. */
  void deferIndex(int expected) {
    flushIndex();
    domains.reserve(domains.size() + expected);
    deferred = new IndexBatch(byId.length);
  }

  /** Puts the deferred entries in their indexes. */
  void flushIndex() {
    if (deferred != null) {
      deferred.flushInto(byId);
      deferred = null;
    }
  }

  /** Puts a non-static domain in with this host type; a host type not allowed takes it out. */
  DomainRegistry.Change put(String domain, String hostType) {
    HostTypeIndex index = hostTypes.get(hostType);
    if (index == null || index.dynamic == null) {
      return remove(domain) != null ? DomainRegistry.Change.REMOVED : DomainRegistry.Change.IGNORED_HOST_TYPE;
    }
    byte[] previous = domains.get(domain, 0);
    if (previous != null && Entries.type(previous) == index.id) {
      return DomainRegistry.Change.NONE;
    }
    byte[] entry = Entries.of(domain, index.id);
    if (previous == null && deferred != null) {
      domains.put(entry, domain);
      deferred.add(entry);
    } else {
      flushIndex();
      domains.put(entry, domain);
      if (previous != null) {
        byId[Entries.type(previous)].dynamic.remove(previous);
        digest -= Digest.of(domain, byId[Entries.type(previous)].name);
      }
      index.dynamic.add(entry);
    }
    digest += Digest.of(domain, index.name);
    if (previous == null) {
      subdomains.domainAdded(domain);
      return DomainRegistry.Change.ADDED;
    }
    return DomainRegistry.Change.CHANGED;
  }

  /** Takes the domain out; returns its host type, or null when it was not in. */
  String remove(String domain) {
    flushIndex();
    byte[] previous = domains.remove(domain);
    if (previous == null) {
      return null;
    }
    HostTypeIndex index = byId[Entries.type(previous)];
    index.dynamic.remove(previous);
    digest -= Digest.of(domain, index.name);
    subdomains.domainRemoved(domain);
    return index.name;
  }

  /** Takes out every domain {@code keep} refuses, handing each (domain, host type) to {@code removed}. */
  void retain(Predicate<String> keep, BiConsumer<String, String> removed) {
    flushIndex();
    List<String> refused = new ArrayList<>();
    for (String domain : names()) {
      if (!keep.test(domain)) {
        refused.add(domain);
      }
    }
    for (String domain : refused) {
      String type = remove(domain);
      if (type != null) {
        removed.accept(domain, type);
      }
    }
  }
}
