package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
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
  private static final long MAX_WAIT_MS = 60_000;
  private final DomainService service;
  private final Duration defaultWait;

  /** The bus API over {@code service}; {@code defaultWait} bounds a {@code "wait": "cluster"} without timeout. */
  public DomainBusVerticle(DomainService service, Duration defaultWait) {
    this.service = service;
    this.defaultWait = defaultWait;
  }

  @Override
  public Future<?> start() {
    return Future.join(List.of(
        register(Addresses.INSERT, body -> write(body, () -> service.insert(field(body, "domain"), field(body, "host_type")))),
        register(Addresses.REMOVE, body -> write(body, () -> removal(body))),
        register(Addresses.ENABLE, body -> write(body, () -> service.setEnabled(field(body, "domain"), true))),
        register(Addresses.DISABLE, body -> write(body, () -> service.setEnabled(field(body, "domain"), false))),
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

  /** A removal now, or with {@code "request": true} one left to the background workers. */
  private Future<Void> removal(JsonObject body) {
    String domain = field(body, "domain");
    String hostType = field(body, "host_type");
    if (!(body.getValue("request", false) instanceof Boolean background)) {
      throw DomainError.INVALID_REQUEST.exception("Field request must be true or false");
    }
    return background ? service.requestRemove(domain, hostType) : service.remove(domain, hostType);
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

  /** The reply to a write, after waiting for the cluster when the body says {@code "wait": "cluster"}. */
  private Future<JsonObject> write(JsonObject body, Supplier<Future<Void>> write) {
    Object wait = body.getValue("wait");
    if (wait != null && !"cluster".equals(wait)) {
      return Future.failedFuture(DomainError.INVALID_REQUEST.exception("Field wait must be \"cluster\""));
    }
    Object millis = body.getValue("timeout_ms");
    if (millis != null && (wait == null || !(millis instanceof Number number)
        || number.longValue() < 1 || number.longValue() > MAX_WAIT_MS)) {
      return Future.failedFuture(DomainError.INVALID_REQUEST.exception(
          "Field timeout_ms must be a whole number from 1 to " + MAX_WAIT_MS + ", with \"wait\": \"cluster\""));
    }
    Duration timeout = millis == null ? defaultWait : Duration.ofMillis(((Number) millis).longValue());
    return write.get()
        .compose(x -> wait == null ? Future.succeededFuture() : service.awaitClusterApplied(timeout))
        .map(x -> new JsonObject().put("domain", DomainName.normalize(body.getString("domain"))));
  }
}
