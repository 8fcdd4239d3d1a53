package org.domainregistry.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subdomain patterns of a registry and the lookup of a name under them (README "Event-bus
 * API", subdomains). Nothing is stored per domain: a name is matched against the patterns'
 * prefixes (longest first) and its parent looked up among the domains in place (no substring), so the heap cost is the
 * patterns themselves, plus the few real domains whose names a pattern could also produce (they
 * win). Reads never lock; writes are serialised by the registry.
 */
final class Subdomains {
  private static final Comparator<SubdomainPattern> LONGEST_FIRST =
      Comparator.comparingInt((SubdomainPattern p) -> p.pattern().length()).reversed();
  private volatile SubdomainPattern[] patterns = new SubdomainPattern[0];
  /** Real domains a pattern could also produce: a lookup of these names never looks for a subdomain. */
  private final Set<String> shadowing = ConcurrentHashMap.newKeySet();

  /** The host type of the domain named by the end of a name, found without allocating the parent's name. */
  @FunctionalInterface
  interface ParentLookup {
    /** The host type of the domain named {@code name.substring(from)}, or null. */
    String hostTypeOf(String name, int from);
  }

  List<SubdomainPattern> all() {
    return List.of(patterns);
  }

  /**
   * Adds a pattern; false when the same pattern with the same host types and owner is in already.
   * Another pattern producing the same names is {@code subdomain_conflict}.
   */
  boolean add(SubdomainPattern pattern) {
    for (SubdomainPattern p : patterns) {
      if (p.equals(pattern)) {
        return false;
      }
      if (p.conflictsWith(pattern)) {
        throw DomainError.SUBDOMAIN_CONFLICT.exception("Subdomain pattern " + pattern.pattern() + " for host types "
            + pattern.hostTypes() + " would produce the same names as " + p.pattern() + " of " + p.owner()
            + " for host types " + p.hostTypes());
      }
    }
    List<SubdomainPattern> next = new ArrayList<>(List.of(patterns));
    next.add(pattern);
    next.sort(LONGEST_FIRST);
    patterns = next.toArray(SubdomainPattern[]::new);
    return true;
  }

  /** Removes the pattern with this canonical text; returns it, or null when none was there. */
  SubdomainPattern remove(String pattern) {
    List<SubdomainPattern> next = new ArrayList<>(List.of(patterns));
    for (SubdomainPattern p : next) {
      if (p.pattern().equals(pattern)) {
        next.remove(p);
        patterns = next.toArray(SubdomainPattern[]::new);
        return p;
      }
    }
    return null;
  }

  /** A real domain came in: if a pattern could produce its name, the domain shadows that subdomain. */
  void domainAdded(String domain) {
    for (SubdomainPattern p : patterns) {
      if (p.couldProduce(domain)) {
        shadowing.add(domain);
        return;
      }
    }
  }

  /** A real domain went out. */
  void domainRemoved(String domain) {
    if (!shadowing.isEmpty()) {
      shadowing.remove(domain);
    }
  }

  /** After {@code pattern} was added: the real domains it could produce now shadow those subdomains. */
  void shadowDomains(SubdomainPattern pattern, Iterable<String> domains) {
    for (String domain : domains) {
      if (pattern.couldProduce(domain)) {
        shadowing.add(domain);
      }
    }
  }

  /** Whether this real domain has a name a pattern could produce. */
  boolean shadows(String domain) {
    return shadowing.contains(domain);
  }

  /** The patterns producing subdomains for domains of this host type. */
  List<SubdomainPattern> covering(String hostType) {
    List<SubdomainPattern> result = new ArrayList<>(2);
    for (SubdomainPattern p : patterns) {
      if (p.perDomain() && p.covers(hostType)) {
        result.add(p);
      }
    }
    return result;
  }

  /** The subdomain {@code name} is, given the host type of each would-be parent; null when none. */
  SubdomainMatch find(String name, ParentLookup hostTypeOfParent) {
    if (!shadowing.isEmpty() && shadowing.contains(name)) {
      return null;
    }
    for (SubdomainPattern p : patterns) {
      if (!p.perDomain()) {
        if (p.pattern().equals(name)) {
          return new SubdomainMatch(name, p.hostTypes().get(0), null, p);
        }
      } else if (p.couldProduce(name)) {
        String hostType = hostTypeOfParent.hostTypeOf(name, p.prefix().length());
        if (hostType != null && p.covers(hostType)) {
          return new SubdomainMatch(name, hostType, name.substring(p.prefix().length()), p);
        }
      }
    }
    return null;
  }
}
