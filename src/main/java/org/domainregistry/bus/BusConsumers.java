package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.BiFunction;
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
    String name = message.headers().get(CALLER_HEADER);
    return name == null || name.isBlank() ? "bus:" + address : name.strip();
  }

  /** Registers {@code handler} at {@code address}; completes once the consumer is registered. */
  static Future<Void> serve(EventBus bus, String address, Function<JsonObject, Future<JsonObject>> handler) {
    return serve(bus, address, (caller, body) -> handler.apply(body));
  }

  /**
   * Registers a handler that is told who sent the request (README "Operating", audit log): the
   * {@value #CALLER_HEADER} header when the sender set one, else {@code bus:<address>}.
   */
  static Future<Void> serve(EventBus bus, String address, BiFunction<String, JsonObject, Future<JsonObject>> handler) {
    return bus.consumer(address, (Message<Object> message) -> Future.succeededFuture(message.body())
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
