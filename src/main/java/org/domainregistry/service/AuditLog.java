package org.domainregistry.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domainregistry.registry.DomainException;
import org.domainregistry.store.AuditRecord;
import org.domainregistry.store.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit row of every mutation and refused mutation of one node (README "Operating",
 * audit log), asynchronously once the outcome is known: the caller's answer never waits for it. A
 * row that cannot be written is logged at WARN and counted in {@code domain_registry_audit_failures_total}.
 */
public final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private final AuditStore store;
  private final String nodeId;
  private final Counter failures;

  /** The audit log of node {@code nodeId}, written to {@code store}. */
  public AuditLog(AuditStore store, String nodeId, MeterRegistry meters) {
    this.store = store;
    this.nodeId = nodeId;
    this.failures = Counter.builder("domain_registry_audit_failures")
        .description("Audit rows that could not be written").register(meters);
  }

  /**
   * Records the outcomes of a batch in one statement: pair {@code i} as written, its canonical name
   * when valid, its result and event id (0 for none).
   */
  public void recordAll(String caller, String operation, List<Map.Entry<String, String>> pairs, String[] canonical,
                        String[] results, long[] eventIds) {
    List<AuditRecord> rows = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      String domain = canonical[i] != null ? canonical[i] : pairs.get(i).getKey();
      rows.add(new AuditRecord(0, null, caller, nodeId, operation, domain == null ? "" : domain,
          pairs.get(i).getValue(), results[i], eventIds[i] > 0 ? eventIds[i] : null));
    }
    store.appendAll(rows).onFailure(cause -> {
      failures.increment(rows.size());
      LOG.warn("Audit rows not written: {} {} rows by {}: {}", rows.size(), operation, caller, cause.getMessage());
    });
  }

  /** Records an outcome: {@code failure} null for success, {@code eventId} 0 when no event was appended. */
  public void record(String caller, String operation, String domain, String hostType, Throwable failure,
                     long eventId) {
    String result = failure == null ? "ok" : DomainException.of(failure).error().code();
    AuditRecord row = new AuditRecord(0, null, caller, nodeId, operation, domain == null ? "" : domain, hostType,
        result, eventId > 0 ? eventId : null);
    store.append(row).onFailure(cause -> {
      failures.increment();
      LOG.warn("Audit row not written: {} by {} of domain {} host type {} ({}): {}", operation, caller, domain,
          hostType == null ? "-" : hostType, result, cause.getMessage());
    });
  }
}
