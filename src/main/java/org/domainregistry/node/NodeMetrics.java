package org.domainregistry.node;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.sync.SyncStatus;

/** The node's Prometheus registry: Vert.x's own metrics plus the registry's sync state as gauges. */
final class NodeMetrics {
  private NodeMetrics() {}

  static PrometheusMeterRegistry create() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  static void bind(PrometheusMeterRegistry meters, DomainRegistry registry, SyncStatus status) {
    Gauge.builder("domain_registry_dynamic_domains", registry, DomainRegistry::dynamicSize)
        .description("Enabled dynamic domains in this node's registry").register(meters);
    Gauge.builder("domain_registry_static_domains", registry, r -> r.allStatic().size())
        .description("Static domains from the config").register(meters);
    Gauge.builder("domain_registry_applied_event_id", status, SyncStatus::appliedEventId)
        .description("Highest event id applied with nothing missing below it").register(meters);
    Gauge.builder("domain_registry_db_max_event_id", status, SyncStatus::dbMaxEventId)
        .description("Highest event id known in the database").register(meters);
    Gauge.builder("domain_registry_pending_gaps", status, SyncStatus::pendingGaps)
        .description("Event ids below the highest seen that are not seen yet").register(meters);
    Gauge.builder("domain_registry_full_reloads", status, SyncStatus::fullReloads)
        .description("Full loads of the registry since start, the first one included").register(meters);
    FunctionCounter.builder("domain_registry_digest_divergences", status, SyncStatus::digestDivergences)
        .description("Digest checks that found nodes at the same applied event id disagreeing").register(meters);
    Gauge.builder("domain_registry_ready", status, s -> s.ready() ? 1 : 0)
        .description("1 when loaded and the database answers").register(meters);
    Gauge.builder("domain_registry_stale_seconds", status, NodeMetrics::staleSeconds)
        .description("Seconds since the database stopped answering, 0 when it answers").register(meters);
  }

  private static double staleSeconds(SyncStatus status) {
    Instant since = status.staleSince();
    return since == null ? 0 : Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }
}
