package org.domainregistry.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Tiny success-response helpers of the HTTP API. */
final class Responses {
  private Responses() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  static void status(RoutingContext ctx, int status) {
    ctx.response().setStatusCode(status).end();
  }
}
