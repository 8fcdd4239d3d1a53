package org.domainregistry.store;

import io.vertx.core.Future;
import java.util.List;
import org.domainregistry.registry.SubdomainPattern;

/**
 * The subdomain patterns sibling services registered at run time ({@code domain_subdomain_patterns}),
 * shared by every node (README "Event-bus API", subdomains). Patterns from node configs are not
 * stored. Failures are {@link org.domainregistry.registry.DomainException}s.
 */
public interface SubdomainPatternStore {

  /** Stores the pattern, replacing one with the same text. */
  Future<Void> register(SubdomainPattern pattern);

  /** Deletes the pattern with this canonical text; false when there was none. */
  Future<Boolean> unregister(String pattern);

  /** Every stored pattern, by text. */
  Future<List<SubdomainPattern>> patterns();
}
