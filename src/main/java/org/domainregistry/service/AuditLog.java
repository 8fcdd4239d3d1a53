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
 * audit log), asynchronously once the outcome is known: the caller's answer never waits for it.
 * Rows are written in one multi-row statement at a time: those recorded while one is being written
 * go in the next, so a busy node writes a statement per few writes, not one per write. A row that
 * cannot be written is logged at WARN and counted in {@code domain_registry_audit_failures_total}.
 */
public final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final int MAX_ROWS_PER_STATEMENT = 5_000;
  private final AuditStore store;
  private final String nodeId;
  private final Counter failures;
  /** Rows waiting for the statement being written to finish; guarded by itself. */
  private final List<AuditRecord> pending = new ArrayList<>();
  private boolean writing;

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
    enqueue(rows);
  }

  /** Records an outcome: {@code failure} null for success, {@code eventId} 0 when no event was appended. */
  public void record(String caller, String operation, String domain, String hostType, Throwable failure,
                     long eventId) {
    String result = failure == null ? "ok" : DomainException.of(failure).error().code();
    AuditRecord row = new AuditRecord(0, null, caller, nodeId, operation, domain == null ? "" : domain, hostType,
        result, eventId > 0 ? eventId : null);
    enqueue(List.of(row));
  }

  private void enqueue(List<AuditRecord> rows) {
    synchronized (pending) {
      pending.addAll(rows);
      if (writing) {
        return;
      }
      writing = true;
    }
    writeNext();
  }

  /** Writes what is pending (at most {@link #MAX_ROWS_PER_STATEMENT}), then what came meanwhile. */
  private void writeNext() {
    List<AuditRecord> batch;
    synchronized (pending) {
      if (pending.isEmpty()) {
        writing = false;
        return;
      }
      List<AuditRecord> head = pending.subList(0, Math.min(pending.size(), MAX_ROWS_PER_STATEMENT));
      batch = new ArrayList<>(head);
      head.clear();
    }
    store.appendAll(batch).onComplete(done -> {
      if (done.failed()) {
        failures.increment(batch.size());
        AuditRecord first = batch.get(0);
        LOG.warn("Audit rows not written: {} rows, the first {} by {} of domain {} host type {} ({}): {}",
            batch.size(), first.operation(), first.caller(), first.domain(),
            first.hostType() == null ? "-" : first.hostType(), first.result(), done.cause().getMessage());
      }
      writeNext();
    });
  }
}
