package org.domainregistry.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domainregistry.registry.DomainDetails;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.service.AuditReader;
import org.domainregistry.service.DomainPage;
import org.domainregistry.service.DomainService;
import org.domainregistry.service.Requests;
import org.domainregistry.store.DomainQuery;

/** Resolvers of {@code DomainAdminQuery}: {@code domainDetails}, {@code domainsByHostType}, {@code allDomains}. */
final class DomainQueries {
  /** Larger host types are sorted on a worker thread, so the event loop never stalls on a big list. */
  private static final int SORT_ON_EVENT_LOOP_MAX = 10_000;
  private final DomainService service;
  private final DomainRegistry registry;
  private final AuditReader audit;

  DomainQueries(DomainService service, DomainRegistry registry, AuditReader audit) {
    this.audit = audit;
    this.service = service;
    this.registry = registry;
  }

  /** Registers the resolvers on their type. */
  TypeRuntimeWiring.Builder wire(TypeRuntimeWiring.Builder type) {
    return type
        .dataFetcher("domainDetails", this::domainDetails)
        .dataFetcher("domainsByHostType", this::domainsByHostType)
        .dataFetcher("allDomains", this::allDomains)
        .dataFetcher("auditLog", this::auditLog);
  }

  /** A page of the audit log (README "Operating"), fields as REST's in camel case, ids as GraphQL IDs. */
  private Future<Map<String, Object>> auditLog(DataFetchingEnvironment env) {
    return audit.page(Optional.ofNullable(env.getArgument("domain")), Optional.ofNullable(env.getArgument("caller")),
        Optional.ofNullable(env.getArgument("after")), Optional.ofNullable(env.getArgument("limit")),
        DomainError.INVALID_QUERY).map(page -> {
          List<Map<String, Object>> items = new ArrayList<>();
          page.items().forEach(r -> {
            Map<String, Object> item = new java.util.HashMap<>();
            item.put("id", String.valueOf(r.id()));
            item.put("at", r.at().toString());
            item.put("caller", r.caller());
            item.put("node", r.node());
            item.put("operation", r.operation());
            item.put("domain", r.domain());
            item.put("hostType", r.hostType());
            item.put("result", r.result());
            item.put("eventId", r.eventId() == null ? null : String.valueOf(r.eventId()));
            items.add(item);
          });
          Map<String, Object> result = new java.util.HashMap<>();
          result.put("items", items);
          result.put("next", page.next().map(String::valueOf).orElse(null));
          return result;
        });
  }

  private Future<Map<String, Object>> domainDetails(DataFetchingEnvironment env) {
    return service.details(env.getArgument("domain")).map(DomainObjects::withType);
  }

  /** Enabled domains of the host type, from memory; a host type this node does not know is an error, as in MongooseIM. */
  private Future<List<String>> domainsByHostType(DataFetchingEnvironment env) {
    String hostType = env.getArgument("hostType");
    if (!registry.isAllowedHostType(hostType) && !registry.allStatic().containsValue(hostType)) {
      return Future.failedFuture(DomainError.UNKNOWN_HOST_TYPE.exception());
    }
    Paging paging = Paging.of(env);
    if (paging.limit().isPresent()) { // the registry's sorted index: one page, not the whole host type
      return Future.succeededFuture(registry.domainsByHostType(hostType, paging.cursor().orElse(null),
          paging.limit().getAsInt()));
    }
    List<String> domains = service.domainsByHostType(hostType);
    QueryLimits.unpaged(domains);
    Context context = Vertx.currentContext();
    if (domains.size() <= SORT_ON_EVENT_LOOP_MAX || context == null) {
      return Future.succeededFuture(paging.apply(sorted(domains)));
    }
    return context.owner().executeBlocking(() -> paging.apply(sorted(domains)), false);
  }

  private static List<String> sorted(List<String> domains) {
    List<String> sorted = new ArrayList<>(domains);
    sorted.sort(null);
    return sorted;
  }

  /** Static and stored domains in any status, by name: one page, or all of them page by page. */
  private Future<List<Map<String, Object>>> allDomains(DataFetchingEnvironment env) {
    Paging paging = Paging.of(env);
    Future<List<DomainDetails>> domains = paging.limit().isPresent()
        ? page(paging.cursor(), paging.limit().getAsInt()).map(DomainPage::domains)
        : everyDomain(paging.cursor(), new ArrayList<>());
    return domains.map(list -> list.stream().map(DomainObjects::withType).toList());
  }

  private Future<List<DomainDetails>> everyDomain(Optional<String> after, List<DomainDetails> collected) {
    return page(after, Requests.MAX_LIMIT).compose(page -> {
      collected.addAll(page.domains());
      QueryLimits.unpaged(collected);
      return page.next().isPresent() ? everyDomain(page.next(), collected) : Future.succeededFuture(collected);
    });
  }

  private Future<DomainPage> page(Optional<String> after, int limit) {
    return service.list(new DomainQuery(Optional.empty(), Optional.empty(), after, limit));
  }
}
