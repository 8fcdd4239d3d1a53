package org.domainregistry.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.vertx.core.Future;
import java.util.Map;
import org.domainregistry.admins.DomainAdmins;
import org.domainregistry.service.AuditLog;
import org.domainregistry.service.Caller;
import org.domainregistry.service.DomainService;

/**
 * Resolvers of {@code DomainAdminMutation}. Domain mutations answer with the {@code Domain}
 * MongooseIM answers with (what the mutation knows, null for the rest); password mutations with
 * MongooseIM's texts.
 */
final class DomainMutations {
  /** The audit log's operation of each mutation (README "Operating", audit log). */
  static final Map<String, String> AUDIT_OPERATIONS = Map.of("addDomain", AuditLog.INSERT,
      "removeDomain", AuditLog.REMOVE, "requestRemoveDomain", AuditLog.REQUEST_REMOVAL, "enableDomain", AuditLog.ENABLE,
      "disableDomain", AuditLog.DISABLE,
      "setDomainPassword", DomainAdmins.SET, "deleteDomainPassword", DomainAdmins.REMOVE);
  private final DomainService service;
  private final DomainAdmins admins;

  DomainMutations(DomainService service, DomainAdmins admins) {
    this.service = service;
    this.admins = admins;
  }

  /** Registers the resolvers on their type. */
  TypeRuntimeWiring.Builder wire(TypeRuntimeWiring.Builder type) {
    return type
        .dataFetcher("addDomain", this::addDomain)
        .dataFetcher("removeDomain", this::removeDomain)
        .dataFetcher("requestRemoveDomain", this::requestRemoveDomain)
        .dataFetcher("enableDomain", env -> setEnabled(env, true))
        .dataFetcher("disableDomain", env -> setEnabled(env, false))
        .dataFetcher("setDomainPassword", this::setDomainPassword)
        .dataFetcher("deleteDomainPassword", this::deleteDomainPassword);
  }

  private Future<Map<String, Object>> addDomain(DataFetchingEnvironment env) {
    String domain = env.getArgument("domain");
    String hostType = env.getArgument("hostType");
    return as(env).insert(domain, hostType).map(x -> DomainObjects.domain(domain, hostType, null));
  }

  private Future<Map<String, Object>> removeDomain(DataFetchingEnvironment env) {
    String domain = env.getArgument("domain");
    String hostType = env.getArgument("hostType");
    return as(env).remove(domain, hostType).map(x -> DomainObjects.domain(domain, hostType, DomainObjects.DELETED));
  }

  /**
   * Marks the domain deleting and persists its removal job (so the checks of {@code removeDomain}
   * still refuse), then answers {@code DELETING}; a worker on some node finishes the removal.
   */
  private Future<Map<String, Object>> requestRemoveDomain(DataFetchingEnvironment env) {
    String domain = env.getArgument("domain");
    String hostType = env.getArgument("hostType");
    return as(env).requestRemove(domain, hostType)
        .map(x -> DomainObjects.domain(domain, hostType, DomainObjects.DELETING));
  }

  private Future<Map<String, Object>> setEnabled(DataFetchingEnvironment env, boolean enabled) {
    String domain = env.getArgument("domain");
    return as(env).setEnabled(domain, enabled)
        .map(x -> DomainObjects.domain(domain, null, enabled ? "ENABLED" : "DISABLED"));
  }

  /** The service on behalf of the request's caller (README "Operating", audit log). */
  private DomainService as(DataFetchingEnvironment env) {
    return service.as(caller(env));
  }

  private static Caller caller(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(Caller.class);
  }

  private Future<String> setDomainPassword(DataFetchingEnvironment env) {
    return admins.setPassword(caller(env).auditName(), env.getArgument("domain"), env.getArgument("password"))
        .map(x -> "Domain password set successfully");
  }

  private Future<String> deleteDomainPassword(DataFetchingEnvironment env) {
    return admins.deletePassword(caller(env).auditName(), env.getArgument("domain")).map(x -> "Domain password deleted successfully");
  }
}
