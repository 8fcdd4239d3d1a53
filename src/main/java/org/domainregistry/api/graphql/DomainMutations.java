package org.domainregistry.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.vertx.core.Future;
import java.util.Map;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.service.DomainService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolvers of the domain mutations of {@code DomainAdminMutation}. Each answers with the
 * {@code Domain} MongooseIM answers with: what the mutation knows, null for the rest.
 */
final class DomainMutations {
  private static final Logger LOG = LoggerFactory.getLogger(DomainMutations.class);
  private final DomainService service;
  private final DomainRegistry registry;

  DomainMutations(DomainService service, DomainRegistry registry) {
    this.service = service;
    this.registry = registry;
  }

  /** Registers the resolvers on their type. */
  TypeRuntimeWiring.Builder wire(TypeRuntimeWiring.Builder type) {
    return type
        .dataFetcher("addDomain", this::addDomain)
        .dataFetcher("removeDomain", this::removeDomain)
        .dataFetcher("requestRemoveDomain", this::requestRemoveDomain)
        .dataFetcher("enableDomain", env -> setEnabled(env, true))
        .dataFetcher("disableDomain", env -> setEnabled(env, false));
  }

  private Future<Map<String, Object>> addDomain(DataFetchingEnvironment env) {
    String domain = env.getArgument("domain");
    String hostType = env.getArgument("hostType");
    return service.insert(domain, hostType).map(x -> DomainObjects.domain(domain, hostType, null));
  }

  private Future<Map<String, Object>> removeDomain(DataFetchingEnvironment env) {
    String domain = env.getArgument("domain");
    String hostType = env.getArgument("hostType");
    return service.remove(domain, hostType).map(x -> DomainObjects.domain(domain, hostType, DomainObjects.DELETED));
  }

  /**
   * Checks what {@code removeDomain} checks (static, unknown host type, wrong host type), then lets
   * the removal go on in the background and answers at once with status {@code DELETING}.
   */
  private Future<Map<String, Object>> requestRemoveDomain(DataFetchingEnvironment env) {
    String domain = env.getArgument("domain");
    String hostType = env.getArgument("hostType");
    return checkRemoval(domain, hostType)
        .onFailure(failure -> LOG.info("requestRemove refused: domain {} host type {}: {}", domain, hostType,
            failure.getMessage()))
        .map(x -> {
          service.remove(domain, hostType);
          return DomainObjects.domain(domain, hostType, DomainObjects.DELETING);
        });
  }

  private Future<Void> checkRemoval(String domain, String hostType) {
    if (registry.isStatic(domain)) {
      return Future.failedFuture(DomainError.STATIC.exception());
    }
    if (!registry.isAllowedHostType(hostType)) {
      return Future.failedFuture(DomainError.UNKNOWN_HOST_TYPE.exception());
    }
    return service.details(domain)
        .recover(failure -> isNotFound(failure) ? Future.succeededFuture() : Future.failedFuture(failure))
        .compose(details -> {
          if (details != null && !details.hostType().equals(hostType)) {
            return Future.failedFuture(DomainError.WRONG_HOST_TYPE.exception());
          }
          return Future.succeededFuture();
        });
  }

  private Future<Map<String, Object>> setEnabled(DataFetchingEnvironment env, boolean enabled) {
    String domain = env.getArgument("domain");
    return service.setEnabled(domain, enabled)
        .map(x -> DomainObjects.domain(domain, null, enabled ? "ENABLED" : "DISABLED"));
  }

  private static boolean isNotFound(Throwable failure) {
    return failure instanceof DomainException known && known.error() == DomainError.NOT_FOUND;
  }
}
