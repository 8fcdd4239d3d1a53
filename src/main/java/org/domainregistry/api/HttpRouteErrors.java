package org.domainregistry.api;

import io.vertx.ext.web.Router;
import org.domainregistry.registry.DomainError;

/**
 * JSON bodies for the errors the router itself raises (no such route, wrong method, body too
 * large, undecodable path) and for failures that escaped a handler, so no client ever sees HTML or
 * a stack trace.
 */
final class HttpRouteErrors {
  private HttpRouteErrors() {}

  static void install(Router router) {
    router.errorHandler(400, ctx -> HttpErrors.send(ctx, 400, "invalid_request", "Malformed request"));
    router.errorHandler(404, ctx -> HttpErrors.send(ctx, 404, "no_route", "No such route"));
    router.errorHandler(405, ctx -> HttpErrors.send(ctx, 405, "method_not_allowed", "Method not allowed"));
    router.errorHandler(413, ctx -> HttpErrors.send(ctx, 400, DomainError.INVALID_REQUEST.code(),
        "Request body too large"));
    router.errorHandler(500, ctx -> HttpErrors.fail(ctx, ctx.failure() == null
        ? DomainError.INTERNAL.exception() : ctx.failure()));
  }
}
