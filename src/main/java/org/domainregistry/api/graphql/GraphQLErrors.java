package org.domainregistry.api.graphql;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.domainregistry.registry.DomainError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors of requests to {@code /api/graphql} refused before GraphQL runs (credentials, malformed
 * HTTP request), in GraphQL's shape: {@code {"errors": [{"message", "extensions": {"code"}}]}}.
 */
public final class GraphQLErrors {
  private static final Logger LOG = LoggerFactory.getLogger(GraphQLErrors.class);

  private GraphQLErrors() {}

  /** Answers with one error (the refusal of the GraphQL route). */
  public static void send(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
  }

  /** Failure handler of the GraphQL route: what the body handler or GraphQL handler failed with. */
  public static void failure(RoutingContext ctx) {
    switch (ctx.statusCode()) {
      case 400 -> send(ctx, 400, "bad_request", "Malformed GraphQL request: "
          + (ctx.failure() == null ? "expected a JSON body with a query" : ctx.failure().getMessage()));
      case 413 -> send(ctx, 400, DomainError.INVALID_REQUEST.code(), "Request body too large");
      case 415 -> send(ctx, 415, "unsupported_media_type", "Expected Content-Type application/json or application/graphql");
      default -> {
        LOG.error("GraphQL request failed", ctx.failure());
        send(ctx, 500, DomainError.INTERNAL.code(), DomainError.INTERNAL.message());
      }
    }
  }
}
