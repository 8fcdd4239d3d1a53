package org.domainregistry.store;

import java.util.Optional;
import org.domainregistry.registry.DomainStatus;

/** A page request over stored domains, ordered by name: those after {@code after}, filtered. */
public record DomainQuery(Optional<String> hostType, Optional<DomainStatus> status, Optional<String> after,
                          int limit) {}
