package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.domainregistry.api.DomainJson;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.domainregistry.service.DomainService;

/**
 * The event-bus API of SPEC §6 for sibling services: request/reply on {@code domains.*}, JSON
 * bodies with {@code domain} / {@code host_type}, failures carrying {@link DomainError} codes.
 * Lookups are answered from memory; management calls go through the {@link DomainService}.
 */
public final class DomainBusVerticle extends VerticleBase {
  private final DomainService service;

  public DomainBusVerticle(DomainService service) {
    this.service = service;
  }

  @Override
  public Future<?> start() {
    return Future.join(List.of(
        register(Addresses.INSERT, body -> service.insert(field(body, "domain"), field(body, "host_type"))
            .map(x -> done(body))),
        register(Addresses.REMOVE, body -> service.remove(field(body, "domain"), field(body, "host_type"))
            .map(x -> done(body))),
        register(Addresses.ENABLE, body -> service.setEnabled(field(body, "domain"), true).map(x -> done(body))),
        register(Addresses.DISABLE, body -> service.setEnabled(field(body, "domain"), false).map(x -> done(body))),
        register(Addresses.DETAILS, body -> service.details(field(body, "domain")).map(DomainJson::details)),
        register(Addresses.GET_HOST_TYPE, this::hostType),
        register(Addresses.GET_DOMAINS_BY_HOST_TYPE, body -> {
          String hostType = field(body, "host_type");
          return Future.succeededFuture(new JsonObject().put("host_type", hostType)
              .put("domains", new JsonArray(service.domainsByHostType(hostType))));
        }),
        register(Addresses.GET_ALL_STATIC, body ->
            Future.succeededFuture(new JsonObject().put("domains", DomainJson.pairs(service.allStatic()))))));
  }

  private Future<JsonObject> hostType(JsonObject body) {
    String domain = DomainName.normalize(field(body, "domain"));
    return service.hostTypeOf(domain)
        .map(hostType -> Future.succeededFuture(new JsonObject().put("domain", domain).put("host_type", hostType)))
        .orElseGet(() -> Future.failedFuture(DomainError.NOT_FOUND.exception()));
  }

  private Future<Void> register(String address, Function<JsonObject, Future<JsonObject>> handler) {
    Handler<Message<Object>> consumer = message -> {
      try {
        BusReplies.reply(message, handler.apply(BusReplies.body(message)));
      } catch (DomainException e) {
        BusReplies.fail(message, e);
      }
    };
    return vertx.eventBus().consumer(address, consumer).completion();
  }

  private static String field(JsonObject body, String name) {
    return BusReplies.field(body, name);
  }

  private static JsonObject done(JsonObject request) {
    return new JsonObject().put("domain", DomainName.normalize(request.getString("domain")));
  }
}
