package org.domainregistry.service;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.domainregistry.registry.DomainDetails;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.registry.SubdomainMatch;
import org.domainregistry.removal.CleanupHandlers;
import org.domainregistry.removal.CleanupRegistration;
import org.domainregistry.removal.DomainCleanup;
import org.domainregistry.removal.Removals;
import org.domainregistry.store.DomainQuery;
import org.domainregistry.store.RemovalJob;
import org.domainregistry.store.DomainStore;
import org.domainregistry.store.StoredDomain;
import org.domainregistry.store.WriteResult;
import org.domainregistry.sync.ClusterSync;
import org.domainregistry.sync.WriteAnnouncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DomainService} of one node: checks a request against the node's rules (static domains,
 * allowed host types), writes through the {@link DomainStore}, waits until the node's registry
 * has applied the write, then nudges the cluster. Removals go through {@link Removals}.
 */
public final class DomainManager implements DomainService {
  private static final Logger LOG = LoggerFactory.getLogger(DomainManager.class);
  private final DomainRegistry registry;
  private final DomainStore store;
  private final WriteAnnouncer announcer;
  private final StaticDomainPages staticPages;
  private final ClusterSync cluster;
  private final Removals removals;
  private final CleanupHandlers cleanupHandlers;
  private final OperationMeters meters;
  private final WriteGate gate;
  private final AuditLog audit;
  private final BulkImporter importer;
  private final String caller;

  /**
   * The service of one node: its rules in {@code registry}, its writes through {@code store}, each
   * outcome in {@code audit} (as {@link #SYSTEM}'s until {@link #as(String)}).
   */
  public DomainManager(DomainRegistry registry, DomainStore store, WriteAnnouncer announcer, ClusterSync cluster,
                       Removals removals, CleanupHandlers cleanupHandlers, OperationMeters meters,
                       WriteGate gate, AuditLog audit, BulkImporter importer) {
    this(registry, store, announcer, cluster, removals, cleanupHandlers, meters, gate, audit, importer, SYSTEM);
  }

  private DomainManager(DomainRegistry registry, DomainStore store, WriteAnnouncer announcer, ClusterSync cluster,
                        Removals removals, CleanupHandlers cleanupHandlers, OperationMeters meters,
                        WriteGate gate, AuditLog audit, BulkImporter importer, String caller) {
    this.audit = audit;
    this.importer = importer;
    this.caller = caller;
    this.gate = gate;
    this.meters = meters;
    this.registry = registry;
    this.store = store;
    this.announcer = announcer;
    this.cluster = cluster;
    this.removals = removals;
    this.cleanupHandlers = cleanupHandlers;
    this.staticPages = new StaticDomainPages(registry.allStatic());
  }

  @Override
  public DomainService as(String caller) {
    return new DomainManager(registry, store, announcer, cluster, removals, cleanupHandlers, meters, gate, audit,
        importer, caller);
  }

  @Override
  public Future<Void> insert(String domain, String hostType) {
    return checked(AuditLog.INSERT, domain, hostType, name -> dynamicOfAllowedType(name, hostType)
        .compose(x -> store.insert(name, hostType)).compose(result -> taken("insert", name, hostType, result)));
  }

  @Override
  public Future<BulkImporter.Batch> importBatch(List<Map.Entry<String, String>> pairs) {
    return gate.pass(() -> importer.batch(pairs, caller));
  }

  @Override
  public Future<Void> finishImport(long lastEventId) {
    return importer.finish(lastEventId);
  }

  @Override
  public Future<List<String>> remove(String domain, String hostType) {
    AtomicReference<List<String>> unconfirmed = new AtomicReference<>(List.of());
    return checked(AuditLog.REMOVE, domain, hostType, name -> dynamicOfAllowedType(name, hostType)
        .compose(x -> removals.remove(name, hostType)).map(nodes -> {
          unconfirmed.set(nodes);
          return 0L;
        })).map(x -> unconfirmed.get());
  }

  @Override
  public Future<Void> requestRemove(String domain, String hostType) {
    return checked(AuditLog.REQUEST_REMOVAL, domain, hostType, name -> dynamicOfAllowedType(name, hostType)
        .compose(x -> removals.request(name, hostType)).map(0L));
  }

  @Override
  public Future<CleanupRegistration> registerCleanupHandler(String name, List<String> hostTypes, int priority,
                                                            DomainCleanup cleanup) {
    return Future.succeededFuture().compose(x -> cleanupHandlers.registerLocal(name, hostTypes, priority, cleanup));
  }

  @Override
  public Future<Void> setEnabled(String domain, boolean enabled) {
    return checked(enabled ? AuditLog.ENABLE : AuditLog.DISABLE, domain, null, name -> dynamic(name)
        .compose(x -> store.setEnabled(name, enabled, registry::isAllowedHostType))
        .compose(result -> taken(enabled ? AuditLog.ENABLE : AuditLog.DISABLE, name, null, result)));
  }

  @Override
  public Future<DomainDetails> details(String domain) {
    return canonical(domain).compose(name -> {
      String staticType = registry.allStatic().get(name);
      return staticType != null ? Future.succeededFuture(DomainDetails.ofStatic(name, staticType))
          : store.find(name).compose(this::withRemoval);
    });
  }

  private Future<DomainDetails> withRemoval(StoredDomain row) {
    if (row == null) {
      return Future.failedFuture(DomainError.NOT_FOUND.exception());
    }
    DomainDetails details = new DomainDetails(row.domain(), row.hostType(), row.status(), false);
    if (row.status() != DomainStatus.DELETING) {
      return Future.succeededFuture(details);
    }
    return removals.progress(row.domain()).map(progress -> progress.map(details::withRemoval).orElse(details));
  }

  @Override
  public Future<DomainPage> list(DomainQuery query) {
    List<DomainDetails> statics = staticPages.page(query);
    return store.list(query, registry.allStatic().keySet())
        .map(stored -> staticPages.merge(statics, stored, query.limit()));
  }

  @Override
  public Future<List<RemovalJob>> removalJobs(int limit) {
    return removals.jobs(limit);
  }

  @Override
  public Future<Void> awaitClusterApplied(Duration timeout) {
    return cluster.awaitAllApplied(timeout);
  }

  @Override
  public Optional<JsonObject> lookup(String domain) {
    String name = DomainName.normalize(domain);
    SubdomainMatch subdomain = registry.findSubdomain(name);
    Optional<JsonObject> found = subdomain != null ? Optional.of(DomainJson.subdomain(subdomain))
        : Optional.ofNullable(registry.hostTypeOf(name)).map(type -> DomainJson.lookup(name, type, registry.isStatic(name)));
    meters.lookup(found.isPresent());
    return found;
  }

  @Override
  public Optional<String> hostTypeOf(String domain) {
    Optional<String> hostType = Optional.ofNullable(registry.hostTypeOf(DomainName.normalize(domain)));
    meters.lookup(hostType.isPresent());
    return hostType;
  }

  @Override
  public List<String> domainsByHostType(String hostType) {
    return registry.domainsByHostType(hostType);
  }

  @Override
  public Map<String, String> allStatic() {
    return registry.allStatic();
  }

  /**
   * Runs the operation on the canonical name (it answers its event id, or 0); counts and audits
   * the outcome; a refusal is logged with domain and host type.
   */
  private Future<Void> checked(String operation, String domain, String hostType, Function<String, Future<Long>> op) {
    String audited = DomainName.canonicalOrAsGiven(domain);
    return gate.pass(() -> canonical(domain).compose(op)).onComplete(result -> {
      meters.write(operation, result.cause());
      audit.record(caller, operation, audited, hostType, result.cause(), result.succeeded() ? result.result() : 0);
    }).<Void>mapEmpty().onFailure(failure -> {
      if (DomainError.DB_UNAVAILABLE == DomainException.of(failure).error()) {
        LOG.debug("{} refused: domain {} host type {}: database unavailable", operation, domain, hostType);
      } else {
        LOG.info("{} refused: domain {} host type {} caller {}: {}", operation, domain,
            hostType == null ? "-" : hostType, caller, failure.getMessage());
      }
    });
  }

  /** Logs a write this node took, once, at info (README "Operating", logs), then announces it. */
  private Future<Long> taken(String operation, String domain, String hostType, WriteResult result) {
    if (result.changed()) {
      LOG.info("{}: domain {} host type {} caller {}: event {}", operation, domain,
          hostType == null ? "-" : hostType, caller, result.eventId());
    }
    return announcer.announce(result).map(result.eventId());
  }

  /** The canonical name, or a failed future with {@code invalid_domain}. */
  private static Future<String> canonical(String domain) {
    return Future.succeededFuture(domain).map(DomainName::normalize);
  }

  private Future<Void> dynamic(String name) {
    return registry.isStatic(name) ? Future.failedFuture(DomainError.STATIC.exception()) : Future.succeededFuture();
  }

  private Future<Void> dynamicOfAllowedType(String name, String hostType) {
    return dynamic(name).compose(x -> hostType != null && registry.isAllowedHostType(hostType)
        ? Future.succeededFuture() : Future.failedFuture(DomainError.UNKNOWN_HOST_TYPE.exception()));
  }
}
