package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;

/** Replies of the event-bus API: a JSON body, or a failure whose code is the {@link DomainError}'s. */
final class BusReplies {
  private BusReplies() {}

  static void reply(Message<?> message, Future<?> result) {
    result.onSuccess(message::reply).onFailure(failure -> fail(message, failure));
  }

  static void fail(Message<?> message, Throwable failure) {
    DomainError error = failure instanceof DomainException known ? known.error() : DomainError.INTERNAL;
    String text = failure instanceof DomainException ? failure.getMessage() : error.message();
    message.fail(error.failureCode(), text);
  }

  /** The body as a JSON object, or {@code invalid_body}. */
  static JsonObject body(Message<?> message) {
    if (message.body() instanceof JsonObject json) {
      return json;
    }
    throw DomainError.INVALID_REQUEST.exception("Body must be a JSON object");
  }

  /** A string field of the body, or {@code invalid_body} naming it. */
  static String field(JsonObject body, String name) {
    Object value = body.getValue(name);
    if (value instanceof String text) {
      return text;
    }
    throw DomainError.INVALID_REQUEST.exception("Field " + name + " must be a string");
  }
}
