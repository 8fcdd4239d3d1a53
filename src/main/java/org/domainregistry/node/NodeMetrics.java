package org.domainregistry.node;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.sync.ClusterSync;
import org.domainregistry.sync.SyncCounters;
import org.domainregistry.sync.SyncStatus;

/**
 * The node's Prometheus registry (README "Operating", metrics): Vert.x's own metrics (JVM, HTTP
 * server, event bus, pool) plus the registry's state as gauges and what it did as counters.
 * Writes and lookups are counted by {@code service/OperationMeters}.
 */
final class NodeMetrics {
  private NodeMetrics() {}

  static PrometheusMeterRegistry create() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  static void bind(MeterRegistry meters, DomainRegistry registry, SyncStatus status, ClusterSync cluster) {
    domains(meters, registry, "dynamic", DomainRegistry::dynamicSize);
    domains(meters, registry, "static", r -> r.allStatic().size());
    gauge(meters, "domain_registry_applied_event_id", status, SyncStatus::appliedEventId,
        "Highest event id applied with nothing missing below it");
    gauge(meters, "domain_registry_db_max_event_id", status, SyncStatus::dbMaxEventId,
        "Highest event id known in the database");
    gauge(meters, "domain_registry_lag_events", status, s -> Math.max(0, s.dbMaxEventId() - s.appliedEventId()),
        "Events in the database not applied here yet");
    gauge(meters, "domain_registry_pending_gaps", status, SyncStatus::pendingGaps,
        "Event ids below the highest seen that are not seen yet");
    gauge(meters, "domain_registry_ready", status, s -> s.ready() ? 1 : 0, "1 when loaded and the database answers");
    gauge(meters, "domain_registry_stale_seconds", status, NodeMetrics::staleSeconds,
        "Seconds since the database stopped answering, 0 when it answers");
    gauge(meters, "domain_registry_listening", status, s -> s.listen().listening() ? 1 : 0,
        "1 while the LISTEN connection for event notifications is up and answers its liveness query");
    counter(meters, "domain_registry_listen_reconnects", status, s -> s.listen().reconnects(),
        "LISTEN connections found dead or closed and replaced by one that listens again");
    gauge(meters, "domain_registry_cluster_size", cluster, c -> c.liveNodes().size(), "Live members of the cluster");
    counter(meters, "domain_registry_digest_divergences", status, SyncStatus::digestDivergences,
        "Digest checks that found nodes at the same applied event id disagreeing");
    counter(meters, "domain_registry_full_reloads", status, SyncStatus::fullReloads,
        "Full loads of the registry since start, the first one included");
    counter(meters, "domain_registry_polls", status.counters(), SyncCounters::polls, "Successful polls of the events table");
    counter(meters, "domain_registry_nudges", status.counters(), SyncCounters::nudges, "Cluster nudges received");
    counter(meters, "domain_registry_gaps_found", status.counters(), SyncCounters::gapsFound, "Event ids found missing");
    counter(meters, "domain_registry_gaps_filled", status.counters(), SyncCounters::gapsFilled,
        "Missing event ids that arrived later or were plugged");
    counter(meters, "domain_registry_events_cleaned", status.counters(), SyncCounters::eventsCleaned,
        "Old events deleted by this node");
    counter(meters, "domain_registry_db_errors", status.counters(), SyncCounters::dbErrors,
        "Failed polls and cleanings of the database");
  }

  private static void domains(MeterRegistry meters, DomainRegistry registry, String source,
                              ToIntFunction<DomainRegistry> size) {
    Gauge.builder("domain_registry_domains", registry, r -> size.applyAsInt(r)).tag("source", source)
        .description("Domains served by this node, by source (enabled dynamic ones, static ones)").register(meters);
  }

  private static <T> void gauge(MeterRegistry meters, String name, T source, ToDoubleFunction<T> value,
                                String description) {
    Gauge.builder(name, source, value).description(description).register(meters);
  }

  private static <T> void counter(MeterRegistry meters, String name, T source, ToDoubleFunction<T> value,
                                  String description) {
    FunctionCounter.builder(name, source, value).description(description).register(meters);
  }

  private static double staleSeconds(SyncStatus status) {
    Instant since = status.staleSince();
    return since == null ? 0 : Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }
}
