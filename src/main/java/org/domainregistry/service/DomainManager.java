package org.domainregistry.service;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.domainregistry.registry.DomainDetails;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.removal.CleanupHandlers;
import org.domainregistry.removal.CleanupRegistration;
import org.domainregistry.removal.DomainCleanup;
import org.domainregistry.removal.Removals;
import org.domainregistry.store.DomainQuery;
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

  /** The service of one node: its rules in {@code registry}, its writes through {@code store}. */
  public DomainManager(DomainRegistry registry, DomainStore store, WriteAnnouncer announcer, ClusterSync cluster,
                       Removals removals, CleanupHandlers cleanupHandlers) {
    this.registry = registry;
    this.store = store;
    this.announcer = announcer;
    this.cluster = cluster;
    this.removals = removals;
    this.cleanupHandlers = cleanupHandlers;
    this.staticPages = new StaticDomainPages(registry.allStatic());
  }

  @Override
  public Future<Void> insert(String domain, String hostType) {
    return write("insert", domain, hostType, name -> {
      requireDynamicOfAllowedType(name, hostType);
      return store.insert(name, hostType);
    });
  }

  @Override
  public Future<Void> remove(String domain, String hostType) {
    return checked("remove", domain, hostType, name -> {
      requireDynamicOfAllowedType(name, hostType);
      return removals.remove(name, hostType);
    });
  }

  @Override
  public Future<Void> requestRemove(String domain, String hostType) {
    return checked("request removal", domain, hostType, name -> {
      requireDynamicOfAllowedType(name, hostType);
      return removals.request(name, hostType);
    });
  }

  @Override
  public Future<CleanupRegistration> registerCleanupHandler(String name, List<String> hostTypes, int priority,
                                                            DomainCleanup cleanup) {
    return attempt(() -> cleanupHandlers.registerLocal(name, hostTypes, priority, cleanup));
  }

  @Override
  public Future<Void> setEnabled(String domain, boolean enabled) {
    return write(enabled ? "enable" : "disable", domain, null, name -> {
      requireDynamic(name);
      return store.setEnabled(name, enabled, registry::isAllowedHostType);
    });
  }

  @Override
  public Future<DomainDetails> details(String domain) {
    return attempt(() -> {
      String name = DomainName.normalize(domain);
      String staticType = registry.allStatic().get(name);
      if (staticType != null) {
        return Future.succeededFuture(DomainDetails.ofStatic(name, staticType));
      }
      return store.find(name).compose(this::withRemoval);
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
  public Future<Void> awaitClusterApplied(Duration timeout) {
    return cluster.awaitAllApplied(timeout);
  }

  @Override
  public Optional<String> hostTypeOf(String domain) {
    return Optional.ofNullable(registry.hostTypeOf(DomainName.normalize(domain)));
  }

  @Override
  public List<String> domainsByHostType(String hostType) {
    return registry.domainsByHostType(hostType);
  }

  @Override
  public Map<String, String> allStatic() {
    return registry.allStatic();
  }

  private interface Write {
    Future<WriteResult> run(String canonicalDomain);
  }

  private Future<Void> write(String operation, String domain, String hostType, Write write) {
    return checked(operation, domain, hostType, name -> write.run(name).compose(announcer::announce));
  }

  /** Runs the operation on the normalised name; a refusal is logged with domain and host type. */
  private Future<Void> checked(String operation, String domain, String hostType, Function<String, Future<Void>> op) {
    return attempt(() -> op.apply(DomainName.normalize(domain))).onFailure(failure -> {
      boolean outage = failure instanceof DomainException known && known.error() == DomainError.DB_UNAVAILABLE;
      if (outage) {
        LOG.debug("{} refused: domain {} host type {}: database unavailable", operation, domain, hostType);
      } else {
        LOG.info("{} refused: domain {} host type {}: {}", operation, domain, hostType == null ? "-" : hostType,
            failure.getMessage());
      }
    });
  }

  private void requireDynamic(String name) {
    if (registry.isStatic(name)) {
      throw DomainError.STATIC.exception();
    }
  }

  private void requireDynamicOfAllowedType(String name, String hostType) {
    requireDynamic(name);
    if (hostType == null || !registry.isAllowedHostType(hostType)) {
      throw DomainError.UNKNOWN_HOST_TYPE.exception();
    }
  }

  private static <T> Future<T> attempt(Supplier<Future<T>> action) {
    try {
      return action.get();
    } catch (DomainException e) {
      return Future.failedFuture(e);
    }
  }
}
