package org.domainregistry.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.domainregistry.registry.DomainError;

/** Reads and checks JSON request bodies; anything malformed is a 400 {@code invalid_body}. */
final class RequestBodies {
  private RequestBodies() {}

  static JsonObject object(RoutingContext ctx) {
    try {
      Object json = ctx.body().buffer() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
      if (json instanceof JsonObject object) {
        return object;
      }
    } catch (DecodeException | ClassCastException e) {
      throw DomainError.INVALID_REQUEST.exception("Body must be a JSON object");
    }
    throw DomainError.INVALID_REQUEST.exception("Body must be a JSON object");
  }

  static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value instanceof String text) {
      return text;
    }
    throw DomainError.INVALID_REQUEST.exception(value == null
        ? "Field " + field + " is missing" : "Field " + field + " must be a string");
  }

  static boolean bool(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw DomainError.INVALID_REQUEST.exception(value == null
        ? "Field " + field + " is missing" : "Field " + field + " must be true or false");
  }

  static boolean optionalBool(JsonObject body, String field) {
    return body.containsKey(field) && bool(body, field);
  }
}
