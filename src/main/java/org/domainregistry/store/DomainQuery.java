package org.domainregistry.store;

import java.util.Optional;
import org.domainregistry.registry.DomainStatus;

/**
 * A page request over stored domains, ordered by name (byte order): those after {@code after} whose
 * name starts with {@code prefix}, filtered by host type and status.
 */
public record DomainQuery(Optional<String> hostType, Optional<DomainStatus> status, Optional<String> after,
                          int limit, Optional<String> prefix) {

  /** A query without a name prefix. */
  public DomainQuery(Optional<String> hostType, Optional<DomainStatus> status, Optional<String> after, int limit) {
    this(hostType, status, after, limit, Optional.empty());
  }

  /** The greatest code point: above every name, the upper bound of a query without prefix. */
  private static final String ABOVE_EVERY_NAME = new String(Character.toChars(Character.MAX_CODE_POINT));

  /** The lowest name the prefix allows (inclusive; empty without a prefix). */
  public String prefixStart() {
    return prefix.orElse("");
  }

  /** The first name above every name starting with the prefix (exclusive bound). */
  public String prefixEnd() {
    return prefix.map(p -> p.substring(0, p.length() - 1) + (char) (p.charAt(p.length() - 1) + 1))
        .orElse(ABOVE_EVERY_NAME);
  }
}
