package org.domainregistry.service;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.store.BulkStore;
import org.domainregistry.store.StoredDomain;
import org.domainregistry.store.WriteResult;
import org.domainregistry.sync.WriteAnnouncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import (README "Operating", bulk import/export): each pair checked by the rules of an insert,
 * the valid ones written in one transaction per batch, audited in one statement per batch, and
 * announced once at the end (one nudge, not one per domain).
 */
public final class BulkImporter {
  private static final Logger LOG = LoggerFactory.getLogger(BulkImporter.class);
  /** The result of a created pair. */
  public static final String CREATED = "created";
  /** The result of a pair that already existed as it is. */
  public static final String UNCHANGED = "unchanged";
  private final DomainRegistry registry;
  private final BulkStore store;
  private final WriteAnnouncer announcer;
  private final AuditLog audit;
  private final OperationMeters meters;

  /** An importer of one node. */
  public BulkImporter(DomainRegistry registry, BulkStore store, WriteAnnouncer announcer, AuditLog audit,
                      OperationMeters meters) {
    this.registry = registry;
    this.store = store;
    this.announcer = announcer;
    this.audit = audit;
    this.meters = meters;
  }

  /** What one batch did: per pair, in order, {@code created}, {@code unchanged} or the error code. */
  public record Batch(List<String> results, long lastEventId) {}

  /** Imports one batch of (domain, host type) pairs as written, on behalf of {@code caller}. */
  Future<Batch> batch(List<Map.Entry<String, String>> pairs, String caller) {
    String[] canonical = new String[pairs.size()];
    String[] results = new String[pairs.size()];
    List<String> domains = new ArrayList<>();
    List<String> hostTypes = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      String hostType = pairs.get(i).getValue();
      try {
        canonical[i] = DomainName.normalize(pairs.get(i).getKey());
        if (registry.isStatic(canonical[i])) {
          throw DomainError.STATIC.exception();
        }
        if (hostType == null || !registry.isAllowedHostType(hostType)) {
          throw DomainError.UNKNOWN_HOST_TYPE.exception();
        }
        domains.add(canonical[i]);
        hostTypes.add(hostType);
      } catch (DomainException e) {
        results[i] = e.error().code();
      }
    }
    Future<BulkStore.BatchInsert> written = domains.isEmpty()
        ? Future.succeededFuture(new BulkStore.BatchInsert(Map.of(), Map.of())) : store.insertAll(domains, hostTypes);
    return written.map(done -> outcomes(pairs, canonical, results, done, caller))
        .onFailure(failure -> {
          String code = DomainException.of(failure).error().code();
          for (int i = 0; i < results.length; i++) {
            results[i] = results[i] == null ? code : results[i];
            meters.write(AuditLog.IMPORT, results[i]);
          }
          audit.recordAll(caller, AuditLog.IMPORT, pairs, canonical, results, new long[results.length]);
        });
  }

  private Batch outcomes(List<Map.Entry<String, String>> pairs, String[] canonical, String[] results,
                         BulkStore.BatchInsert done, String caller) {
    Map<String, String> seen = new HashMap<>();
    long[] eventIds = new long[pairs.size()];
    Map<String, Integer> outcomes = new HashMap<>();
    long last = 0;
    for (int i = 0; i < pairs.size(); i++) {
      String hostType = pairs.get(i).getValue();
      if (results[i] == null) {
        Long eventId = done.created().get(canonical[i]);
        String earlier = seen.putIfAbsent(canonical[i], hostType);
        if (eventId != null && earlier == null) {
          results[i] = CREATED;
          eventIds[i] = eventId;
          last = Math.max(last, eventId);
        } else {
          StoredDomain existing = done.existing().get(canonical[i]);
          boolean same = earlier != null ? earlier.equals(hostType)
              : existing != null && existing.hostType().equals(hostType) && existing.status() != DomainStatus.DELETING;
          results[i] = same ? UNCHANGED : DomainError.DUPLICATE.code();
        }
      }
      outcomes.merge(results[i], 1, Integer::sum);
    }
    outcomes.forEach((outcome, count) -> meters.write(AuditLog.IMPORT, outcome, count));
    audit.recordAll(caller, AuditLog.IMPORT, pairs, canonical, results, eventIds);
    if (!done.created().isEmpty()) {
      LOG.info("import: {} domains created by caller {}, events up to {}", done.created().size(), caller, last);
    }
    return new Batch(List.of(results), last);
  }

  /** Once every batch is written: waits until this node applied them, nudging the cluster once. */
  Future<Void> finish(long lastEventId) {
    return lastEventId > 0 ? announcer.announce(new WriteResult(lastEventId)) : Future.succeededFuture();
  }
}
