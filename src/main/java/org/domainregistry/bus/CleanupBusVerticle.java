package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.removal.CleanupHandlers;
import org.domainregistry.store.CleanupHandler;

/**
 * The cleanup-handler registry of SPEC §8 on the clustered bus: {@code domains.cleanup.register}
 * {@code {"name", "host_types": [...], "priority", "address"}}, {@code domains.cleanup.unregister}
 * {@code {"name"}} and {@code domains.cleanup.list} {@code {"host_type"?}}. Failures carry
 * {@link DomainError} codes, like the rest of the event-bus API.
 */
public final class CleanupBusVerticle extends VerticleBase {
  private final CleanupHandlers handlers;

  public CleanupBusVerticle(CleanupHandlers handlers) {
    this.handlers = handlers;
  }

  @Override
  public Future<?> start() {
    return Future.join(List.of(
        register(Addresses.CLEANUP_REGISTER, this::registerHandler),
        register(Addresses.CLEANUP_UNREGISTER, body -> {
          String name = BusReplies.field(body, "name");
          return handlers.unregister(name).map(found -> new JsonObject().put("name", name).put("unregistered", found));
        }),
        register(Addresses.CLEANUP_LIST, body -> handlers.list(optionalField(body, "host_type"))
            .map(CleanupBusVerticle::handlerList))));
  }

  private Future<JsonObject> registerHandler(JsonObject body) {
    CleanupHandler handler = CleanupHandlers.checked(BusReplies.field(body, "name"), hostTypes(body),
        priority(body), BusReplies.field(body, "address"));
    return handlers.register(handler).map(x -> new JsonObject().put("name", handler.name()));
  }

  /** The priority, 0 when absent; {@code invalid_body} unless a whole number in the int range. */
  private static int priority(JsonObject body) {
    Object value = body.getValue("priority", 0);
    boolean whole = value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte;
    if (!whole || ((Number) value).longValue() != ((Number) value).intValue()) {
      throw DomainError.INVALID_REQUEST.exception("Field priority must be an integer");
    }
    return ((Number) value).intValue();
  }

  private static List<String> hostTypes(JsonObject body) {
    if (!(body.getValue("host_types") instanceof JsonArray array)) {
      throw DomainError.INVALID_REQUEST.exception("Field host_types must be a list of host types");
    }
    List<String> hostTypes = new ArrayList<>(array.size());
    for (Object hostType : array) {
      if (!(hostType instanceof String text)) {
        throw DomainError.INVALID_REQUEST.exception("Field host_types must be a list of host types");
      }
      hostTypes.add(text);
    }
    return hostTypes;
  }

  private static Optional<String> optionalField(JsonObject body, String name) {
    return body.containsKey(name) ? Optional.of(BusReplies.field(body, name)) : Optional.empty();
  }

  private static JsonObject handlerList(List<CleanupHandler> list) {
    JsonArray array = new JsonArray();
    list.forEach(h -> array.add(new JsonObject().put("name", h.name()).put("host_types", new JsonArray(h.hostTypes()))
        .put("priority", h.priority()).put("address", h.address())));
    return new JsonObject().put("handlers", array);
  }

  private Future<Void> register(String address, Function<JsonObject, Future<JsonObject>> handler) {
    return vertx.eventBus().consumer(address, (Message<Object> message) -> {
      try {
        BusReplies.reply(message, handler.apply(BusReplies.body(message)));
      } catch (DomainException e) {
        BusReplies.fail(message, e);
      }
    }).completion();
  }
}
