package org.domainregistry.service;

import java.util.List;
import java.util.Optional;
import org.domainregistry.registry.DomainDetails;

/** One page of domains; {@code next} is the cursor of the following page, empty on the last one. */
public record DomainPage(List<DomainDetails> domains, Optional<String> next) {}
