package org.domainregistry.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
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

  DomainRoutes(DomainService service, DomainRegistry registry) {
    this.service = service;
    this.registry = registry;
  }

  void insert(RoutingContext ctx) {
    handle(ctx, 204, () -> service.insert(domain(ctx), RequestBodies.string(RequestBodies.object(ctx), "host_type")));
  }

  void setEnabled(RoutingContext ctx) {
    handle(ctx, 204, () -> service.setEnabled(domain(ctx), RequestBodies.bool(RequestBodies.object(ctx), "enabled")));
  }

  void remove(RoutingContext ctx) {
    JsonObject body;
    String domain;
    try {
      domain = domain(ctx);
      body = RequestBodies.object(ctx);
      RequestBodies.string(body, "host_type");
      RequestBodies.optionalBool(body, "request");
    } catch (DomainException e) {
      HttpErrors.fail(ctx, e);
      return;
    }
    Future<Void> removal = service.remove(domain, body.getString("host_type"));
    if (body.getBoolean("request", false) && !removal.failed()) {
      // Rejections found without the database (static, unknown_host_type) still answer 403 below.
      Responses.status(ctx, 202);
    } else {
      removal.onSuccess(x -> Responses.status(ctx, 204)).onFailure(failure -> HttpErrors.fail(ctx, failure));
    }
  }

  void details(RoutingContext ctx) {
    handleJson(ctx, () -> service.details(domain(ctx)).map(DomainJson::details));
  }

  void list(RoutingContext ctx) {
    handleJson(ctx, () -> service.list(ListQueries.parse(ctx)).map(DomainRoutes::page));
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

  private static void handle(RoutingContext ctx, int status, Action<Void> action) {
    start(ctx, action).onSuccess(x -> Responses.status(ctx, status)).onFailure(failure -> HttpErrors.fail(ctx, failure));
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
