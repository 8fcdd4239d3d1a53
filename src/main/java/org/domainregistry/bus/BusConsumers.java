package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
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

  private BusConsumers() {}

  /** Registers {@code handler} at {@code address}; completes once the consumer is registered. */
  static Future<Void> serve(EventBus bus, String address, Function<JsonObject, Future<JsonObject>> handler) {
    return serve(bus, address, message -> { }, handler);
  }

  /**
   * Registers a mutation at {@code address}: {@code credentials} must let the message's sender
   * use it, the operation being the address without {@code domains.} (README "Security").
   */
  static Future<Void> serveMutation(EventBus bus, String address, SiblingCredentials credentials,
                                    Function<JsonObject, Future<JsonObject>> handler) {
    String operation = address.substring(address.indexOf('.') + 1);
    return serve(bus, address, message -> credentials.check(operation, message.headers()), handler);
  }

  private static Future<Void> serve(EventBus bus, String address, Consumer<Message<Object>> admit,
                                    Function<JsonObject, Future<JsonObject>> handler) {
    return bus.consumer(address, (Message<Object> message) -> Future.succeededFuture(message)
        .map(m -> {
          admit.accept(m);
          return m.body();
        })
        .map(Requests::object)
        .compose(handler)
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
