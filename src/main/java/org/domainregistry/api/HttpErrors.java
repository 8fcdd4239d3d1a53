package org.domainregistry.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one JSON error shape of the HTTP API: {@code {"code": "...", "message": "..."}}. */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {}

  /** Answers with the status, code and message of the failure; unknown failures are a logged 500. */
  public static void fail(RoutingContext ctx, Throwable failure) {
    if (failure instanceof DomainException known) {
      send(ctx, known.error().httpStatus(), known.error().code(), known.getMessage());
    } else {
      LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      send(ctx, DomainError.INTERNAL);
    }
  }

  /** Answers with the error's status, code and default message. */
  public static void send(RoutingContext ctx, DomainError error) {
    send(ctx, error.httpStatus(), error.code(), error.message());
  }

  /** Answers {@code {"code", "message"}} with this status, unless a response was already sent. */
  public static void send(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("code", code).put("message", message).encode());
  }
}
