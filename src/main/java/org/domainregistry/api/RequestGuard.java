package org.domainregistry.api;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.domainregistry.registry.DomainError;

/**
 * The first step of every request (README "Security"): a path or query with an undecodable
 * percent escape is {@code invalid_request} (400), and form or multipart bodies, which no route
 * reads, are {@code unsupported_media_type} (415) before any body is decoded; what the HTTP codec
 * cannot read at all gets a JSON error too ({@link #invalid}).
 */
final class RequestGuard {
  private RequestGuard() {}

  static void check(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null) {
      String type = contentType.toLowerCase(Locale.ROOT).trim();
      if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
        ctx.fail(DomainError.UNSUPPORTED_MEDIA_TYPE.exception());
        return;
      }
    }
    if (!decodes(ctx.request().path()) || ctx.request().query() != null && !decodes(ctx.request().query())) {
      ctx.fail(DomainError.INVALID_REQUEST.exception("Malformed request: the path or query does not decode"));
      return;
    }
    ctx.next();
  }

  /**
   * Answers a request the HTTP codec could not read (a line or headers too long, a malformed
   * request line) with a JSON {@code invalid_request}: 414, 431 or 400, and closes the connection.
   */
  static void invalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof TooLongHttpLineException ? 414
        : cause instanceof TooLongHttpHeaderException ? 431 : 400;
    request.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Connection", "close")
        .end(new JsonObject().put("code", DomainError.INVALID_REQUEST.code())
            .put("message", status == 414 ? "Request line too long" : status == 431 ? "Request headers too large"
                : DomainError.INVALID_REQUEST.message()).encode())
        .onComplete(done -> request.connection().close());
  }

  private static boolean decodes(String text) {
    if (text == null || text.indexOf('%') < 0) {
      return true;
    }
    try {
      URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
