package org.domainregistry.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The node's in-memory view of the domains it serves: the static pairs from its configuration
 * plus every enabled dynamic domain whose host type is allowed on this node. Plain Java, no I/O.
 *
 * <p>Reads never lock and, when the answer exists, never allocate; any thread may call them.
 * Writes are serialised on this object. No argument may be {@code null}. A read concurrent with a write sees each domain either
 * before or after that write. {@link #domainsByHostType} is weakly consistent: during the write
 * that moves a domain to another host type, it may still be listed under the old one and not
 * yet under the new one.
 *
 * <p>Memory: one {@link ConcurrentHashMap} domain → host type whose values are the single
 * instances of the allowed host type names, and per host type a {@link DomainSet} holding the
 * same domain string instances. No per-domain objects exist besides the map node, one index slot
 * and the domain string itself.
 */
public final class DomainRegistry {

  /** What a dynamic update did to the registry. */
  public enum Change {
    /** The domain was not in the registry and now is. */
    ADDED,
    /** The domain was in the registry and no longer is. */
    REMOVED,
    /** The domain stays in the registry with another host type. */
    CHANGED,
    /** The registry already was in the requested state. */
    NONE,
    /** The domain is static; dynamic updates never touch it. */
    IGNORED_STATIC,
    /** The host type is not allowed for dynamic domains on this node and the domain was not in. */
    IGNORED_HOST_TYPE
  }

  private final Map<String, String> staticDomains;
  private final Map<String, HostTypeIndex> hostTypes;
  private final ConcurrentHashMap<String, String> dynamicDomains = new ConcurrentHashMap<>();

  /**
   * Builds a registry holding the static pairs and no dynamic domain. Both arguments are copied,
   * hold canonical names (the caller normalises) and may be empty.
   *
   * @param staticDomains domain → host type pairs from the configuration; their host types need
   *     not be allowed
   * @param allowedHostTypes host types accepted for dynamic domains on this node
   */
  public DomainRegistry(Map<String, String> staticDomains, Collection<String> allowedHostTypes) {
    this.staticDomains = Map.copyOf(staticDomains);
    Map<String, List<String>> staticByType = new HashMap<>();
    this.staticDomains.forEach(
        (domain, type) -> staticByType.computeIfAbsent(type, t -> new ArrayList<>()).add(domain));
    Map<String, HostTypeIndex> types = new HashMap<>();
    for (String type : allowedHostTypes) {
      types.put(type, new HostTypeIndex(type, true, staticByType.getOrDefault(type, List.of())));
    }
    staticByType.forEach((type, domains) -> types.putIfAbsent(type, new HostTypeIndex(type, false, domains)));
    this.hostTypes = Map.copyOf(types);
  }

  /**
   * The host type of a static or dynamic domain in the registry, or {@code null}. A static name
   * never enters the dynamic map, so the dynamic map is asked first, sparing most lookups the
   * static map's probe, and static pairs still win.
   */
  public String hostTypeOf(String domain) {
    String type = dynamicDomains.get(domain);
    return type != null ? type : staticDomains.get(domain);
  }

  /** Whether the domain is one of the static pairs of this node. */
  public boolean isStatic(String domain) {
    return staticDomains.containsKey(domain);
  }

  /** Whether dynamic domains of this host type are accepted on this node. */
  public boolean isAllowedHostType(String hostType) {
    HostTypeIndex index = hostTypes.get(hostType);
    return index != null && index.dynamic != null;
  }

  /**
   * The static and dynamic domains of a host type, in no particular order; empty for an unknown
   * host type. The list is unmodifiable and is not updated by later writes. Allocates the list
   * unless the host type has no dynamic domain.
   */
  public List<String> domainsByHostType(String hostType) {
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

  /** The static domain → host type pairs (unmodifiable, in no particular order). */
  public Map<String, String> allStatic() {
    return staticDomains;
  }

  /** How many dynamic domains the registry holds. */
  public int dynamicSize() {
    return dynamicDomains.size();
  }

  /**
   * Applies a dynamic domain that is enabled with this host type. A host type not allowed on this
   * node takes the domain out ({@link Change#REMOVED}) or leaves it out
   * ({@link Change#IGNORED_HOST_TYPE}).
   */
  public synchronized Change putDynamic(String domain, String hostType) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(hostType, "hostType");
    if (staticDomains.containsKey(domain)) {
      return Change.IGNORED_STATIC;
    }
    HostTypeIndex index = hostTypes.get(hostType);
    if (index == null || index.dynamic == null) {
      return remove(domain) ? Change.REMOVED : Change.IGNORED_HOST_TYPE;
    }
    String previous = dynamicDomains.get(domain);
    if (previous == index.name) {
      return Change.NONE;
    }
    if (previous == null) {
      dynamicDomains.put(domain, index.name);
      index.dynamic.add(domain);
      return Change.ADDED;
    }
    dynamicDomains.put(domain, index.name);
    index.dynamic.add(hostTypes.get(previous).dynamic.remove(domain));
    return Change.CHANGED;
  }

  /** Takes a dynamic domain out: its row is gone, disabled or being deleted. */
  public synchronized Change removeDynamic(String domain) {
    Objects.requireNonNull(domain, "domain");
    if (staticDomains.containsKey(domain)) {
      return Change.IGNORED_STATIC;
    }
    return remove(domain) ? Change.REMOVED : Change.NONE;
  }

  /**
   * Drops every dynamic domain for which {@code keep} is false, e.g. after a full reload the ones
   * no longer enabled in the database; static domains stay.
   */
  public synchronized void retainDynamic(Predicate<String> keep) {
    Objects.requireNonNull(keep, "keep");
    for (Iterator<Map.Entry<String, String>> it = dynamicDomains.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, String> entry = it.next();
      if (!keep.test(entry.getKey())) {
        it.remove();
        hostTypes.get(entry.getValue()).dynamic.remove(entry.getKey());
      }
    }
  }

  private boolean remove(String domain) {
    String previous = dynamicDomains.remove(domain);
    if (previous == null) {
      return false;
    }
    hostTypes.get(previous).dynamic.remove(domain);
    return true;
  }

  private static final class HostTypeIndex {
    final String name;
    final List<String> statics;
    final DomainSet dynamic;

    HostTypeIndex(String name, boolean allowed, List<String> statics) {
      this.name = name;
      this.statics = List.copyOf(statics);
      this.dynamic = allowed ? new DomainSet() : null;
    }
  }
}
