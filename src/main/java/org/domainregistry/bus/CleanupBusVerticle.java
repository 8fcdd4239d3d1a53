package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.domainregistry.registry.DomainError;
import org.domainregistry.removal.CleanupHandlers;
import org.domainregistry.service.Requests;
import org.domainregistry.store.CleanupHandler;

/**
 * The cleanup-handler registry on the clustered bus (README "Cleanup handler protocol"):
 * {@code domains.cleanup.register} {@code {"name", "host_types": [...], "priority", "address"}},
 * (again as its heartbeat), {@code domains.cleanup.unregister} {@code {"name", "address"?}} and {@code domains.cleanup.list}
 * {@code {"host_type"?}}. Failures carry the error table's codes, like the rest of the bus API.
 */
public final class CleanupBusVerticle extends VerticleBase {
  private final CleanupHandlers handlers;
  private final SiblingCredentials credentials;

  /** Serves the registrations kept by {@code handlers}; changing them needs what {@code credentials} admits. */
  public CleanupBusVerticle(CleanupHandlers handlers, SiblingCredentials credentials) {
    this.handlers = handlers;
    this.credentials = credentials;
  }

  @Override
  public Future<?> start() {
    var bus = vertx.eventBus();
    return Future.join(List.of(
        BusConsumers.serveMutation(bus, Addresses.CLEANUP_REGISTER, credentials, this::register),
        BusConsumers.serveMutation(bus, Addresses.CLEANUP_UNREGISTER, credentials, this::unregister),
        BusConsumers.serve(bus, Addresses.CLEANUP_LIST, body -> handlers.list(Requests.optionalString(body, "host_type"))
            .map(CleanupBusVerticle::handlerList))));
  }

  private Future<JsonObject> register(JsonObject body) {
    CleanupHandler handler = CleanupHandlers.checked(Requests.string(body, "name"), hostTypes(body),
        priority(body), Requests.string(body, "address"));
    return handlers.register(handler).map(x -> new JsonObject().put("name", handler.name()));
  }

  private Future<JsonObject> unregister(JsonObject body) {
    String name = Requests.string(body, "name");
    return handlers.unregister(name, Requests.optionalString(body, "address")).map(found -> new JsonObject().put("name", name).put("unregistered", found));
  }

  /** The priority, 0 when absent; {@code invalid_body} unless a whole number in the int range. */
  private static int priority(JsonObject body) {
    Object value = body.getValue("priority", 0);
    boolean whole = value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte;
    if (!whole || ((Number) value).longValue() != ((Number) value).intValue()) {
      throw DomainError.INVALID_BODY.exception("Field priority must be an integer");
    }
    return ((Number) value).intValue();
  }

  private static List<String> hostTypes(JsonObject body) {
    if (!(body.getValue("host_types") instanceof JsonArray array)) {
      throw DomainError.INVALID_BODY.exception("Field host_types must be a list of host types");
    }
    List<String> hostTypes = new ArrayList<>(array.size());
    for (Object hostType : array) {
      if (!(hostType instanceof String text)) {
        throw DomainError.INVALID_BODY.exception("Field host_types must be a list of host types");
      }
      hostTypes.add(text);
    }
    return hostTypes;
  }

  private static JsonObject handlerList(List<CleanupHandler> list) {
    JsonArray array = new JsonArray();
    list.forEach(h -> array.add(new JsonObject().put("name", h.name()).put("host_types", new JsonArray(h.hostTypes()))
        .put("priority", h.priority()).put("address", h.address())));
    return new JsonObject().put("handlers", array);
  }
}
