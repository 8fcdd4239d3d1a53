package org.domainregistry.store;

import org.domainregistry.registry.DomainStatus;

/** One {@code domain_settings} row. */
public record StoredDomain(String domain, String hostType, DomainStatus status) {}
