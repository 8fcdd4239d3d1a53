package org.domainregistry.api;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainName;
import org.domainregistry.service.DomainJson;
import org.domainregistry.service.DomainPage;
import org.domainregistry.service.DomainService;
import org.domainregistry.service.Requests;
import org.domainregistry.store.DomainQuery;

/**
 * Handlers of the {@code /api/domains} and {@code /api/lookup} routes (README "REST admin API").
 * They fail with {@code ctx.fail} (or by throwing, which the router turns into the same), never
 * answer errors themselves.
 */
final class DomainRoutes {
  private static final String DOMAIN = "canonical_domain";
  /** Header of a removal's 204: the nodes that did not confirm dropping the domain before its cleanup. */
  static final String UNCONFIRMED_NODES = "X-Unconfirmed-Nodes";
  private final DomainService service;
  private final Duration defaultWait;

  DomainRoutes(DomainService service, Duration defaultWait) {
    this.service = service;
    this.defaultWait = defaultWait;
  }

  /** Route step: the {@code :domain} path parameter must be a valid name; handlers get its canonical form. */
  void canonicalDomain(RoutingContext ctx) {
    ctx.put(DOMAIN, DomainName.normalize(ctx.pathParam("domain")));
    ctx.next();
  }

  /** {@code /api/domains/} with nothing after the slash: an empty domain name. */
  void emptyName(RoutingContext ctx) {
    ctx.fail(DomainError.INVALID_DOMAIN.exception());
  }

  void insert(RoutingContext ctx) {
    String hostType = Requests.string(body(ctx), "host_type");
    write(ctx, () -> as(ctx).insert(domain(ctx), hostType).map(204));
  }

  void setEnabled(RoutingContext ctx) {
    boolean enabled = Requests.bool(body(ctx), "enabled");
    write(ctx, () -> as(ctx).setEnabled(domain(ctx), enabled).map(204));
  }

  /**
   * Removes the domain (204, with header {@value #UNCONFIRMED_NODES} naming the nodes that did not
   * confirm dropping it before its cleanup, if any), or with {@code "request": true} answers 202
   * once it is marked deleting and its removal job persisted, leaving the cleanup to the
   * background workers.
   */
  void remove(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String hostType = Requests.string(body, "host_type");
    boolean background = Requests.optionalBool(body, "request");
    write(ctx, () -> background
        ? as(ctx).requestRemove(domain(ctx), hostType).map(202)
        : as(ctx).remove(domain(ctx), hostType).map(unconfirmed -> {
          if (!unconfirmed.isEmpty()) {
            ctx.response().putHeader(UNCONFIRMED_NODES, String.join(", ", unconfirmed));
          }
          return 204;
        }));
  }

  void details(RoutingContext ctx) {
    service.details(domain(ctx)).map(DomainJson::details).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    DomainQuery query = new DomainQuery(param(ctx, "host_type"),
        param(ctx, "status").map(status -> Requests.status(status, DomainError.INVALID_QUERY)),
        param(ctx, "after"),
        param(ctx, "limit").map(limit -> Requests.limit(limit, DomainError.INVALID_QUERY)).orElse(Requests.DEFAULT_LIMIT),
        param(ctx, "prefix").map(prefix -> Requests.namePrefix(prefix, DomainError.INVALID_QUERY)));
    service.list(query).map(DomainRoutes::page).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  /** {@code {"removals": [...]}}: the removal jobs by domain name, at most {@code limit} (default 100). */
  void removals(RoutingContext ctx) {
    int limit = param(ctx, "limit").map(l -> Requests.limit(l, DomainError.INVALID_QUERY)).orElse(Requests.DEFAULT_LIMIT);
    service.removalJobs(limit).map(jobs -> new JsonObject().put("removals",
        new JsonArray(jobs.stream().map(DomainJson::removalJob).toList()))).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  /** What a sibling service sees: straight from this node's registry, never the database (the service normalises the name). */
  void lookup(RoutingContext ctx) {
    service.lookup(ctx.pathParam("domain")).ifPresentOrElse(ctx::json, () -> ctx.fail(DomainError.NOT_FOUND.exception()));
  }

  /**
   * Runs a write, answering with the status it gives once done; with {@code ?wait=cluster} (checked
   * before the write runs) after every live node has applied it.
   */
  private void write(RoutingContext ctx, Supplier<Future<Integer>> write) {
    Optional<Duration> wait = Requests.clusterWait(param(ctx, "wait").orElse(null),
        param(ctx, "timeout_ms").orElse(null), defaultWait, DomainError.INVALID_QUERY);
    write.get().compose(status -> wait.map(service::awaitClusterApplied).orElse(Future.succeededFuture()).map(status))
        .onSuccess(status -> ctx.response().setStatusCode(status).end())
        .onFailure(ctx::fail);
  }

  private static JsonObject page(DomainPage page) {
    JsonArray domains = new JsonArray();
    page.domains().forEach(details -> domains.add(DomainJson.details(details)));
    return new JsonObject().put("domains", domains).put("next", page.next().orElse(null));
  }

  /** The service on behalf of the request's caller (README "Operating", audit log). */
  private DomainService as(RoutingContext ctx) {
    RefusalAudit.reached(ctx);
    return service.as(AdminAuth.caller(ctx));
  }

  private static String domain(RoutingContext ctx) {
    return ctx.get(DOMAIN);
  }

  /** The request's JSON object body; {@code invalid_body} when it is empty or not one. */
  static JsonObject body(RoutingContext ctx) {
    try {
      return Requests.object(ctx.body().buffer() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject());
    } catch (DecodeException | ClassCastException e) {
      return Requests.object(null);
    }
  }

  private static Optional<String> param(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.queryParams().get(name)).filter(value -> !value.isEmpty())
        .map(value -> Requests.text(value, name, DomainError.INVALID_QUERY));
  }
}
