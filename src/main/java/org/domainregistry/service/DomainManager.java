package org.domainregistry.service;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.domainregistry.bus.Addresses;
import org.domainregistry.registry.DomainDetails;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.store.DomainQuery;
import org.domainregistry.store.DomainStore;
import org.domainregistry.store.WriteResult;
import org.domainregistry.sync.ClusterSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DomainService} of one node: checks a request against the node's rules (static domains,
 * allowed host types), writes through the {@link DomainStore}, waits until the node's registry
 * has applied the write, then nudges the cluster.
 */
public final class DomainManager implements DomainService {
  private static final Logger LOG = LoggerFactory.getLogger(DomainManager.class);
  private final DomainRegistry registry;
  private final DomainStore store;
  private final EventBus eventBus;
  private final StaticDomainPages staticPages;
  private final ClusterSync cluster;

  public DomainManager(DomainRegistry registry, DomainStore store, EventBus eventBus, ClusterSync cluster) {
    this.registry = registry;
    this.store = store;
    this.eventBus = eventBus;
    this.cluster = cluster;
    this.staticPages = new StaticDomainPages(registry.allStatic());
  }

  @Override
  public Future<Void> insert(String domain, String hostType) {
    return write("insert", domain, hostType, name -> {
      requireDynamic(name);
      requireAllowed(hostType);
      return store.insert(name, hostType);
    });
  }

  @Override
  public Future<Void> remove(String domain, String hostType) {
    return write("remove", domain, hostType, name -> {
      requireDynamic(name);
      requireAllowed(hostType);
      return store.remove(name, hostType);
    });
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
      return store.find(name).map(row -> {
        if (row == null) {
          throw DomainError.NOT_FOUND.exception();
        }
        return new DomainDetails(row.domain(), row.hostType(), row.status(), false);
      });
    });
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
    return attempt(() -> {
      String name = DomainName.normalize(domain);
      return write.run(name).compose(this::awaitApplied);
    }).onFailure(failure -> LOG.info("{} refused: domain {} host type {}: {}", operation, domain,
        hostType == null ? "-" : hostType, failure.getMessage()));
  }

  private Future<Void> awaitApplied(WriteResult result) {
    return eventBus.<Long>request(Addresses.AWAIT_APPLIED, result.eventId())
        .recover(failure -> Future.failedFuture(failure instanceof ReplyException reply && reply.failureCode() > 0
            ? DomainError.ofFailureCode(reply.failureCode()).exception(reply.getMessage())
            : DomainError.TIMEOUT.exception()))
        .map(applied -> {
          if (result.changed()) {
            eventBus.publish(Addresses.CHECK_FOR_UPDATES, result.eventId());
          }
          return null;
        });
  }

  private void requireDynamic(String name) {
    if (registry.isStatic(name)) {
      throw DomainError.STATIC.exception();
    }
  }

  private void requireAllowed(String hostType) {
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
