package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.domainregistry.registry.DomainException;
import org.domainregistry.service.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every request/reply address of the bus API is served: the body must be a JSON object, the
 * reply is the handler's JSON, a failure is a {@code ReplyException} whose failure code and message
 * are those of the error table (README "Error codes"), whatever the handler threw or failed with.
 */
final class BusConsumers {
  private static final Logger LOG = LoggerFactory.getLogger(BusConsumers.class);

  /** The delivery-option header a sibling names itself with. */
  static final String CALLER_HEADER = "sibling";

  private BusConsumers() {}

  private static String caller(Message<Object> message, String address) {
    Optional<String> sibling = SiblingCredentials.claimedName(message.headers());
    if (sibling.isPresent()) {
      return sibling.get();
    }
    String name = message.headers().get(CALLER_HEADER);
    return name == null || name.isBlank() ? "bus:" + address : name.strip();
  }

  /** Registers {@code handler} at {@code address}; completes once the consumer is registered. */
  static Future<Void> serve(EventBus bus, String address, Function<JsonObject, Future<JsonObject>> handler) {
    return serve(bus, address, message -> { }, (caller, body) -> handler.apply(body));
  }

  /**
   * Registers a handler that is told who sent the request (README "Operating", audit log): the
   * sibling named by its credential or its {@value #CALLER_HEADER} header, else {@code bus:<address>}.
   */
  static Future<Void> serve(EventBus bus, String address, BiFunction<String, JsonObject, Future<JsonObject>> handler) {
    return serve(bus, address, message -> { }, handler);
  }

  /**
   * Registers a mutation at {@code address}: {@code credentials} must let the message's sender
   * use it, the operation being the address without {@code domains.} (README "Security").
   */
  static Future<Void> serveMutation(EventBus bus, String address, SiblingCredentials credentials,
                                    Function<JsonObject, Future<JsonObject>> handler) {
    return serveMutation(bus, address, credentials, (caller, body) -> handler.apply(body));
  }

  /** {@link #serveMutation(EventBus, String, SiblingCredentials, Function)}, told who sent the request. */
  static Future<Void> serveMutation(EventBus bus, String address, SiblingCredentials credentials,
                                    BiFunction<String, JsonObject, Future<JsonObject>> handler) {
    String operation = address.substring(address.indexOf('.') + 1);
    return serve(bus, address, message -> credentials.check(operation, message.headers()), handler);
  }

  private static Future<Void> serve(EventBus bus, String address, Consumer<Message<Object>> admit,
                                    BiFunction<String, JsonObject, Future<JsonObject>> handler) {
    return bus.consumer(address, (Message<Object> message) -> Future.succeededFuture(message)
        .map(m -> {
          admit.accept(m);
          return m.body();
        })
        .map(Requests::object)
        .compose(body -> handler.apply(caller(message, address), body))
        .onSuccess(message::reply)
        .onFailure(failure -> {
          DomainException known = DomainException.of(failure);
          if (known != failure) {
            LOG.error("Unexpected failure answering {}", address, failure);
          }
          message.fail(known.error().failureCode(), known.getMessage());
        })).completion();
  }
}
