package org.domainregistry.registry;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The node's in-memory view of the domains it serves: the static pairs from its configuration
 * plus every enabled dynamic domain whose host type is allowed on this node, the subdomain
 * patterns over them, an order-independent {@link #digest} of the dynamic pairs and the
 * {@link #changes listeners} told of each change. Plain Java, no I/O.
 *
 * <p>Reads never lock and, when the answer exists, never allocate; any thread may call them.
 * Writes are serialised on this object. No argument may be {@code null}. A read concurrent with a write sees each domain either
 * before or after that write. {@link #domainsByHostType} is weakly consistent: during the write
 * that moves a domain to another host type, it may still be listed under the old one and not
 * yet under the new one.
 *
 * <p>Memory: one {@link ConcurrentHashMap} domain → host type whose values are the single
 * instances of the allowed host type names, and per host type a {@link DomainSet} holding the
 * same domain string instances. Subdomains cost nothing per domain ({@link Subdomains}).
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
  private final ChangeListeners listeners = new ChangeListeners();
  private final Subdomains subdomains = new Subdomains();
  private final DynamicDomains dynamicDomains;
  private final ChangeEmitter emitter = new ChangeEmitter(listeners, subdomains);
  /** Domains this node saw disabled, so that enabling them again is told as {@code enabled}. */
  private final Set<String> seenDisabled = new HashSet<>();
  /** {@link #hostTypeOf} as a function, made once so that lookups of subdomains allocate no lambda. */
  private final Subdomains.ParentLookup parentType = this::hostTypeOf;

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
    this.dynamicDomains = new DynamicDomains(this.staticDomains, allowedHostTypes, subdomains);
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

  /**
   * The host type of the static or dynamic domain named {@code name.substring(from)}, or null;
   * allocates nothing.
   */
  String hostTypeOf(String name, int from) {
    return dynamicDomains.get(name, from);
  }

  /**
   * The subdomain this name is (its parent in the registry, of a host type its pattern covers), or
   * null; null too when the name is a real domain, which wins. Costs a prefix comparison per
   * pattern and, for a name of a pattern's form, one lookup of the parent.
   */
  public SubdomainMatch findSubdomain(String name) {
    return subdomains.find(name, parentType);
  }

  /** Whether this domain has a name some subdomain pattern could also produce (the domain wins). */
  public boolean shadowsSubdomain(String domain) {
    return subdomains.shadows(domain);
  }

  /** Whether the domain is one of the static pairs of this node. */
  public boolean isStatic(String domain) {
    return staticDomains.containsKey(domain);
  }

  /** Whether dynamic domains of this host type are accepted on this node. */
  public boolean isAllowedHostType(String hostType) {
    return dynamicDomains.isAllowed(hostType);
  }

  /**
   * The static and dynamic domains of a host type, in no particular order; empty for an unknown
   * host type. The list is unmodifiable and is not updated by later writes. Allocates the list
   * unless the host type has no dynamic domain.
   */
  public List<String> domainsByHostType(String hostType) {
    return dynamicDomains.byHostType(hostType);
  }

  /**
   * One page of {@link #domainsByHostType}: up to {@code limit} static and dynamic domains of the
   * host type ordered by name ({@link String#compareTo}) after {@code after} (null: from the first).
   * Costs two binary searches and the page, whatever the size of the host type; weakly
   * consistent as {@link #domainsByHostType}. Empty for an unknown host type; unmodifiable.
   */
  public List<String> domainsByHostType(String hostType, String after, int limit) {
    return dynamicDomains.byHostType(hostType, after, limit);
  }

  /** The static domain → host type pairs (unmodifiable, in no particular order). */
  public Map<String, String> allStatic() {
    return staticDomains;
  }

  /** How many dynamic domains the registry holds. */
  public int dynamicSize() {
    return dynamicDomains.size();
  }

  /** Calls {@code action} with each dynamic (domain, host type) pair; never locks, weakly consistent. */
  public void forEachDynamic(BiConsumer<String, String> action) {
    dynamicDomains.forEach(action);
  }

  /** The order-independent digest of the dynamic (domain, host type) pairs ({@link Digest}). */
  public long digest() {
    return dynamicDomains.digest();
  }

  /** The listeners told of every change, in event-id order (README "Event-bus API", change notifications). */
  public ChangeListeners changes() {
    return listeners;
  }

  /** The subdomain patterns, longest first. */
  public List<SubdomainPattern> subdomainPatterns() {
    return subdomains.all();
  }

  /**
   * Adds a subdomain pattern, telling listeners of each subdomain it gives; false when it was in
   * already. {@code subdomain_conflict} when another pattern produces the same names.
   */
  public synchronized boolean addSubdomainPattern(SubdomainPattern pattern, long eventId) {
    if (!subdomains.add(pattern)) {
      return false;
    }
    subdomains.shadowDomains(pattern, staticDomains.keySet());
    subdomains.shadowDomains(pattern, dynamicDomains.names());
    forEachParent(pattern, (parent, type) ->
        emitter.subdomain(RegistryChange.Type.SUBDOMAIN_ADDED, pattern, parent, type, eventId));
    return true;
  }

  /** Removes the pattern with this canonical text, telling listeners of each subdomain gone; null if none. */
  public synchronized SubdomainPattern removeSubdomainPattern(String pattern, long eventId) {
    SubdomainPattern removed = subdomains.remove(pattern);
    if (removed != null) {
      forEachParent(removed, (parent, type) ->
          emitter.subdomain(RegistryChange.Type.SUBDOMAIN_REMOVED, removed, parent, type, eventId));
    }
    return removed;
  }

  /** {@link #putDynamic(String, String, long)} with no event id (0). */
  public Change putDynamic(String domain, String hostType) {
    return putDynamic(domain, hostType, 0);
  }

  /**
   * Applies a dynamic domain that is enabled with this host type, caused by event {@code eventId}.
   * A host type not allowed on this node takes the domain out ({@link Change#REMOVED}) or leaves
   * it out ({@link Change#IGNORED_HOST_TYPE}).
   */
  public synchronized Change putDynamic(String domain, String hostType, long eventId) {
    String previous = dynamicDomains.get(domain);
    Change change = putQuietly(domain, hostType);
    announce(domain, previous, dynamicDomains.get(domain), eventId, false);
    return change;
  }

  /** {@link #removeDynamic(String, boolean, long)} of a domain gone, with no event id. */
  public Change removeDynamic(String domain) {
    return removeDynamic(domain, false, 0);
  }

  /** Takes a dynamic domain out: its row is gone or being deleting, or ({@code disabled}) disabled. */
  public synchronized Change removeDynamic(String domain, boolean disabled, long eventId) {
    Objects.requireNonNull(domain, "domain");
    if (staticDomains.containsKey(domain)) {
      return Change.IGNORED_STATIC;
    }
    String previous = dynamicDomains.remove(domain);
    if (disabled) {
      seenDisabled.add(domain);
    } else {
      seenDisabled.remove(domain);
    }
    announce(domain, previous, null, eventId, disabled);
    return previous != null ? Change.REMOVED : Change.NONE;
  }

  /**
   * Drops every dynamic domain for which {@code keep} is false, e.g. after a full reload the ones
   * no longer enabled in the database; static domains stay. Listeners are told with event id 0.
   */
  public synchronized void retainDynamic(Predicate<String> keep) {
    retainQuietly(keep, (domain, type) -> announce(domain, type, null, 0, false));
  }

  /** Starts a full reload; {@link RegistryReload#finish} ends it. */
  public synchronized RegistryReload startReload() {
    boolean empty = dynamicSize() == 0;
    if (empty) {
      dynamicDomains.deferIndex(0);
    }
    return new RegistryReload(this, !empty);
  }

  synchronized Change putQuietly(String domain, String hostType) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(hostType, "hostType");
    return staticDomains.containsKey(domain) ? Change.IGNORED_STATIC : dynamicDomains.put(domain, hostType);
  }

  /** Puts the entries of a bulk load in their host types' indexes (see {@link #startReload}). */
  synchronized void flushIndex() {
    dynamicDomains.flushIndex();
  }

  synchronized void retainQuietly(Predicate<String> keep, BiConsumer<String, String> removed) {
    dynamicDomains.retain(Objects.requireNonNull(keep, "keep"), removed);
  }

  /** Tells listeners of a reload's differences (domain, type before, type after), then that it is done. */
  synchronized void announceReload(List<String[]> differences, long eventId) {
    for (String[] d : differences) {
      announce(d[0], d[1], d[2], eventId, false);
    }
    emitter.reloaded(eventId);
  }

  private void announce(String domain, String before, String after, long eventId, boolean disabled) {
    if (Objects.equals(before, after)) {
      return;
    }
    if (before != null) {
      emitter.out(domain, before, eventId, disabled && after == null);
    }
    if (after != null) {
      emitter.in(domain, after, eventId, seenDisabled.remove(domain));
    }
  }

  private void forEachParent(SubdomainPattern pattern, BiConsumer<String, String> action) {
    if (!pattern.perDomain()) {
      action.accept(null, pattern.hostTypes().get(0));
      return;
    }
    for (String type : pattern.hostTypes()) {
      domainsByHostType(type).forEach(parent -> action.accept(parent, type));
    }
  }
}
