package org.domainregistry.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.store.AuditRecord;
import org.domainregistry.store.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit row of every mutation and refused mutation of one node (README "Operating",
 * audit log), asynchronously once the outcome is known: the caller's answer never waits for it.
 * Rows are written in one multi-row statement at a time: those recorded while one is being written
 * go in the next, so a busy node writes a statement per few writes, not one per write. At most
 * {@code maxPending} rows wait (refusals before the service, such as a flood of bad logins, only
 * up to half of that, so they cannot crowd out the rows of real writes); rows beyond are dropped,
 * counted in {@code domain_registry_audit_dropped_total} and logged at WARN at most once a minute.
 * A row that cannot be written is logged at WARN and counted in {@code domain_registry_audit_failures_total}.
 */
public final class AuditLog {
  /** Operations as the audit log (and {@code domain_registry_writes_total}) names them. */
  public static final String INSERT = "insert";
  public static final String REMOVE = "remove";
  public static final String REQUEST_REMOVAL = "request removal";
  public static final String ENABLE = "enable";
  public static final String DISABLE = "disable";
  public static final String IMPORT = "import";
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final int MAX_ROWS_PER_STATEMENT = 5_000;
  private static final long WARN_INTERVAL_NS = TimeUnit.MINUTES.toNanos(1);
  private final AuditStore store;
  private final String nodeId;
  private final int maxPending;
  private final Counter failures;
  private final Counter dropped;
  /** Rows waiting for the statement being written to finish; guarded by itself, as are the fields below. */
  private final List<AuditRecord> pending = new ArrayList<>();
  private boolean writing;
  private long droppedSinceWarning;
  private long lastWarning = System.nanoTime() - WARN_INTERVAL_NS;

  /** The audit log of node {@code nodeId}, written to {@code store}, holding at most {@code maxPending} unwritten rows. */
  public AuditLog(AuditStore store, String nodeId, MeterRegistry meters, int maxPending) {
    this.store = store;
    this.nodeId = nodeId;
    this.maxPending = maxPending;
    this.failures = Counter.builder("domain_registry_audit_failures")
        .description("Audit rows that could not be written").register(meters);
    this.dropped = Counter.builder("domain_registry_audit_dropped")
        .description("Audit rows dropped because too many were waiting to be written").register(meters);
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
      rows.add(row(caller, operation, domain, pairs.get(i).getValue(), results[i], eventIds[i]));
    }
    enqueue(rows, maxPending);
  }

  /** Records an outcome: {@code failure} null for success, {@code eventId} 0 when no event was appended. */
  public void record(String caller, String operation, String domain, String hostType, Throwable failure,
                     long eventId) {
    String result = failure == null ? "ok" : DomainException.of(failure).error().code();
    enqueue(List.of(row(caller, operation, domain, hostType, result, eventId)), maxPending);
  }

  /** Records a mutation refused before it reached the service (bad credentials, a bad body, no permission). */
  public void refused(String caller, String operation, String domain, String hostType, DomainError error) {
    enqueue(List.of(row(caller, operation, domain, hostType, error.code(), 0)), maxPending / 2);
  }

  private AuditRecord row(String caller, String operation, String domain, String hostType, String result, long eventId) {
    return new AuditRecord(0, null, AuditText.clean(caller), nodeId, operation,
        domain == null ? "" : AuditText.clean(domain), AuditText.clean(hostType), result, eventId > 0 ? eventId : null);
  }

  /** Queues what fits below {@code limit} pending rows and starts writing unless a statement is running. */
  private void enqueue(List<AuditRecord> rows, int limit) {
    long warnDropped = 0;
    int waiting;
    boolean start;
    synchronized (pending) {
      int fits = Math.max(0, Math.min(rows.size(), limit - pending.size()));
      pending.addAll(rows.subList(0, fits));
      waiting = pending.size();
      if (fits < rows.size()) {
        dropped.increment(rows.size() - fits);
        droppedSinceWarning += rows.size() - fits;
        long now = System.nanoTime();
        if (now - lastWarning >= WARN_INTERVAL_NS) {
          lastWarning = now;
          warnDropped = droppedSinceWarning;
          droppedSinceWarning = 0;
        }
      }
      start = !writing && !pending.isEmpty();
      writing |= start;
    }
    if (warnDropped > 0) {
      LOG.warn("Audit rows dropped: {} since the last warning, {} rows waiting to be written (audit.max_pending_rows {})",
          warnDropped, waiting, maxPending);
    }
    if (start) {
      writeNext();
    }
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
