package org.domainregistry.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.service.DomainPage;
import org.domainregistry.service.DomainService;
import org.domainregistry.store.DomainQuery;

/** Handlers of the {@code /api/domains} and {@code /api/lookup} routes (SPEC §5). */
final class DomainRoutes {
  private final DomainService service;
  private final DomainRegistry registry;
  private final Duration defaultWait;

  DomainRoutes(DomainService service, DomainRegistry registry, Duration defaultWait) {
    this.service = service;
    this.registry = registry;
    this.defaultWait = defaultWait;
  }

  void insert(RoutingContext ctx) {
    write(ctx, () -> service.insert(domain(ctx), RequestBodies.string(RequestBodies.object(ctx), "host_type")));
  }

  void setEnabled(RoutingContext ctx) {
    write(ctx, () -> service.setEnabled(domain(ctx), RequestBodies.bool(RequestBodies.object(ctx), "enabled")));
  }

  /**
   * Removes the domain (204), or with {@code "request": true} answers 202 once it is marked deleting
   * and its removal job persisted, leaving the cleanup to the background workers.
   */
  void remove(RoutingContext ctx) {
    writeWithStatus(ctx, () -> {
      String domain = domain(ctx);
      JsonObject body = RequestBodies.object(ctx);
      String hostType = RequestBodies.string(body, "host_type");
      return RequestBodies.optionalBool(body, "request")
          ? service.requestRemove(domain, hostType).map(x -> 202)
          : service.remove(domain, hostType).map(x -> 204);
    });
  }

  void details(RoutingContext ctx) {
    handleJson(ctx, () -> service.details(domain(ctx)).map(DomainJson::details));
  }

  void list(RoutingContext ctx) {
    handleJson(ctx, () -> service.list(ListQueries.parse(ctx)).map(DomainRoutes::page));
  }

  /** {@code /api/domains/} with nothing after the slash: an empty domain name. */
  void emptyName(RoutingContext ctx) {
    HttpErrors.send(ctx, DomainError.INVALID_DOMAIN);
  }

  void lookup(RoutingContext ctx) {
    String domain;
    try {
      domain = domain(ctx);
    } catch (DomainException e) {
      HttpErrors.fail(ctx, e);
      return;
    }
    String hostType = registry.hostTypeOf(domain);
    if (hostType == null) {
      HttpErrors.send(ctx, DomainError.NOT_FOUND);
    } else {
      Responses.json(ctx, 200, DomainJson.lookup(domain, hostType, registry.isStatic(domain)));
    }
  }

  private static JsonObject page(DomainPage page) {
    JsonArray domains = new JsonArray();
    page.domains().forEach(details -> domains.add(DomainJson.details(details)));
    return new JsonObject().put("domains", domains).put("next", page.next().orElse(null));
  }

  private static String domain(RoutingContext ctx) {
    return DomainName.normalize(ctx.pathParam("domain"));
  }

  private interface Action<T> {
    Future<T> run();
  }

  /** Runs a write, then, with {@code ?wait=cluster}, waits until every live node has applied it; 204. */
  private void write(RoutingContext ctx, Action<Void> action) {
    writeWithStatus(ctx, () -> action.run().map(x -> 204));
  }

  /** Like {@link #write(RoutingContext, Action)}, answering with the status the action gives. */
  private void writeWithStatus(RoutingContext ctx, Supplier<Future<Integer>> action) {
    start(ctx, () -> {
      Optional<Duration> wait = ClusterWaits.parse(ctx, defaultWait);
      return action.get().compose(status -> wait.map(service::awaitClusterApplied).orElse(Future.succeededFuture())
          .map(x -> status));
    }).onSuccess(status -> Responses.status(ctx, status)).onFailure(failure -> HttpErrors.fail(ctx, failure));
  }

  private static void handleJson(RoutingContext ctx, Action<JsonObject> action) {
    start(ctx, action).onSuccess(json -> Responses.json(ctx, 200, json)).onFailure(failure -> HttpErrors.fail(ctx, failure));
  }

  private static <T> Future<T> start(RoutingContext ctx, Action<T> action) {
    try {
      return action.run();
    } catch (DomainException e) {
      return Future.failedFuture(e);
    }
  }

  static Optional<String> optionalParam(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.queryParams().get(name)).filter(value -> !value.isEmpty());
  }
}
