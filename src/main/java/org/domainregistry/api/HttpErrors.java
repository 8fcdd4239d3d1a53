package org.domainregistry.api;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.domainregistry.registry.DomainError;
import java.util.function.BiConsumer;
import org.domainregistry.registry.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way errors leave the admin HTTP server: every handler fails with {@code ctx.fail}, the
 * router's own refusals (no route, wrong method, undecodable path, body too large) end here too,
 * and one writer answers with the error table's code and message (README "Error codes"): REST
 * routes as {@code {"code", "message"}}, the GraphQL route as {@code {"errors": [{"message",
 * "extensions": {"code"}}]}}. The HTTP status of each row of the table is {@link #status}.
 */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
  private static final String GRAPHQL_PATH = "/api/graphql";

  /** Context key of a JSON object whose fields a route adds to its error body (e.g. {@code export_event_id}). */
  static final String DETAILS = "error_details";

  private HttpErrors() {}

  /** The HTTP column of the error table: the status the admin API answers this error with. */
  public static int status(DomainError error) {
    return switch (error) {
      case STATIC, UNKNOWN_HOST_TYPE, WRONG_HOST_TYPE, DELETED, NO_PERMISSIONS, CROSS_SITE_REQUEST -> 403;
      case DUPLICATE -> 409;
      case NOT_FOUND, NO_ROUTE -> 404;
      case INVALID_DOMAIN, INVALID_BODY, INVALID_QUERY, INVALID_REQUEST, INPUT_COERCION, PARSER_ERROR,
          VALIDATION_ERROR, BAD_REQUEST, INVALID_VALUE, QUERY_TOO_COMPLEX, INVALID_PATTERN -> 400;
      case SUBDOMAIN_CONFLICT -> 409;
      case RELOAD_NEEDED -> 410;
      case WRONG_CREDENTIALS -> 401;
      case METHOD_NOT_ALLOWED -> 405;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case CLEANUP_FAILED -> 502;
      case DB_UNAVAILABLE, SHUTTING_DOWN, BUSY -> 503;
      case TOO_MANY_FAILED_LOGINS -> 429;
      case TIMEOUT -> 504;
      case INTERNAL -> 500;
    };
  }

  /**
   * Failure handler of every route, and error handler of the router; {@code observer} sees each
   * failure first (the audit of refused mutations).
   */
  static Handler<RoutingContext> handler(BiConsumer<RoutingContext, DomainException> observer) {
    return ctx -> {
      DomainException failure = failureOf(ctx);
      observer.accept(ctx, failure);
      write(ctx, failure);
    };
  }

  private static DomainException failureOf(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof DomainException known) {
      return known;
    }
    boolean graphql = isGraphQL(ctx);
    return switch (ctx.statusCode()) {
      case 400 -> graphql ? DomainError.BAD_REQUEST.exception("Malformed GraphQL request: "
          + (failure == null ? "expected a JSON body with a query" : failure.getMessage()))
          : DomainError.INVALID_REQUEST.exception();
      case 404 -> DomainError.NO_ROUTE.exception();
      case 405 -> DomainError.METHOD_NOT_ALLOWED.exception();
      case 413 -> DomainError.INVALID_BODY.exception("Request body too large");
      case 415 -> DomainError.UNSUPPORTED_MEDIA_TYPE.exception();
      default -> {
        LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        yield DomainError.INTERNAL.exception();
      }
    };
  }

  /** Answers with the failure's status, code and message, unless a response was already sent. */
  private static void write(RoutingContext ctx, DomainException failure) {
    if (ctx.response().ended()) {
      return;
    }
    String code = failure.error().code();
    JsonObject body = isGraphQL(ctx)
        ? new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", failure.getMessage())
            .put("extensions", new JsonObject().put("code", code))))
        : new JsonObject().put("code", code).put("message", failure.getMessage());
    JsonObject details = ctx.get(DETAILS);
    if (details != null && !isGraphQL(ctx)) {
      body.mergeIn(details);
    }
    ctx.response()
        .setStatusCode(status(failure.error()))
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  private static boolean isGraphQL(RoutingContext ctx) {
    return GRAPHQL_PATH.equals(ctx.request().path());
  }
}
