package org.domainregistry.service;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.vertx.core.json.JsonObject;
import org.domainregistry.registry.DomainDetails;
import org.domainregistry.removal.CleanupRegistration;
import org.domainregistry.removal.DomainCleanup;
import org.domainregistry.store.DomainQuery;
import org.domainregistry.store.RemovalJob;

/**
 * The registry as sibling verticles in the same JVM use it. Domain names are normalised first
 * (any case, Unicode or A-label). Failed futures carry a {@link org.domainregistry.registry.DomainException}
 * whose {@link org.domainregistry.registry.DomainError} says why. A write that succeeds is already
 * visible in this node's registry.
 */
public interface DomainService {
  /** How the audit log names a caller that did not say who it is (a sibling verticle in this JVM). */
  String SYSTEM = "system";

  /**
   * The same service whose writes the audit log (README "Operating") and the write log line
   * attribute to {@code caller}; this service's own writes are {@link #SYSTEM}'s.
   */
  DomainService as(String caller);

  /** The same service on behalf of an admin API caller. */
  default DomainService as(Caller caller) {
    return as(caller.auditName());
  }

  /** Adds an enabled dynamic domain; an existing identical pair succeeds unchanged. */
  Future<Void> insert(String domain, String hostType);

  /**
   * Removes a dynamic domain (README "Domain removal and sibling services"): marks it deleting, deletes its admin password, runs the
   * cleanup handlers of its host type in priority order, then deletes it. An absent one succeeds
   * unchanged. A failed or timed-out handler fails the call with {@code cleanup_failed}: the
   * domain stays deleting and its removal is retried, by a repeated call or in the background.
   * Answers the nodes that did not confirm dropping the domain before its cleanup started (they
   * were waited for one sync poll interval and a margin), usually none.
   */
  Future<List<String>> remove(String domain, String hostType);

  /**
   * Removes a dynamic domain in the background: checks it, marks it deleting and persists its
   * removal job, then completes; one node of the cluster runs the job and retries it until it
   * succeeds. An absent domain succeeds unchanged.
   */
  Future<Void> requestRemove(String domain, String hostType);

  /**
   * Registers a cleanup handler of a sibling verticle in this JVM, called when a domain of one of
   * {@code hostTypes} is removed; lower {@code priority} runs first, ties by name. A handler of the
   * same name is replaced. The handler lives as long as this node or until it is unregistered.
   */
  Future<CleanupRegistration> registerCleanupHandler(String name, List<String> hostTypes, int priority,
                                                     DomainCleanup cleanup);

  /**
   * Imports a batch of (domain, host type) pairs as written (README "Operating", bulk import): each
   * checked as an insert, the valid ones written in one transaction; answers per pair
   * {@code created}, {@code unchanged} or the error code. Not yet announced: see {@link #finishImport}.
   */
  Future<BulkImporter.Batch> importBatch(List<Map.Entry<String, String>> pairs);

  /** After the last batch: completes once this node applied events up to {@code lastEventId}; nudges once. */
  Future<Void> finishImport(long lastEventId);

  /** Enables or disables a dynamic domain. */
  Future<Void> setEnabled(String domain, boolean enabled);

  /** Host type, status and type of a static or stored domain; while it is deleting, its removal's progress. */
  Future<DomainDetails> details(String domain);

  /** A page of domains (static ones included) ordered by name. */
  Future<DomainPage> list(DomainQuery query);

  /** The removal jobs in the database (by domain name, at most {@code limit}), whichever node runs them. */
  Future<List<RemovalJob>> removalJobs(int limit);

  /**
   * Completes once every live node of the cluster has applied every write this node has applied
   * (so a caller's acknowledged writes are visible everywhere); fails with {@code timeout} naming
   * the nodes that had not.
   */
  Future<Void> awaitClusterApplied(Duration timeout);

  /** Host type of a static or enabled dynamic domain, from memory; empty when there is none. */
  Optional<String> hostTypeOf(String domain);

  /**
   * The lookup a sibling service makes (README "REST admin API", lookup): {@code domain},
   * {@code host_type}, {@code source} ({@code static}, {@code dynamic} or {@code subdomain}, the
   * latter with {@code parent} and {@code pattern}); empty when the name is none of them. A real
   * domain wins over a subdomain of the same name.
   */
  Optional<JsonObject> lookup(String domain);

  /** Enabled domains of a host type, static ones included, from memory. */
  List<String> domainsByHostType(String hostType);

  /** The static domain/host type pairs. */
  Map<String, String> allStatic();
}
