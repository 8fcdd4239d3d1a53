package org.domainregistry.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.domainregistry.registry.DomainException;

/**
 * Counters of what callers ask of a node (README "Operating", metrics):
 * {@code domain_registry_writes_total{operation, outcome}} with outcome {@code ok} or the error
 * code, and {@code domain_registry_lookups_total{outcome="found"|"not_found"}}. Every face (REST,
 * GraphQL, event bus) counts through one of these over the node's registry.
 */
public final class OperationMeters {
  private final MeterRegistry meters;
  private final Counter found;
  private final Counter notFound;

  /** Counters registered in {@code meters}. */
  public OperationMeters(MeterRegistry meters) {
    this.meters = meters;
    this.found = lookups(meters, "found");
    this.notFound = lookups(meters, "not_found");
  }

  private static Counter lookups(MeterRegistry meters, String outcome) {
    return Counter.builder("domain_registry_lookups").description("Lookups of a domain's host type from memory")
        .tag("outcome", outcome).register(meters);
  }

  /** Counts one write: {@code failure} null for success. */
  public void write(String operation, Throwable failure) {
    String outcome = failure == null ? "ok" : DomainException.of(failure).error().code();
    Counter.builder("domain_registry_writes").description("Management operations by operation and outcome")
        .tag("operation", operation.replace(' ', '_')).tag("outcome", outcome).register(meters).increment();
  }

  /** Counts one lookup. */
  public void lookup(boolean wasFound) {
    (wasFound ? found : notFound).increment();
  }
}
