package org.domainregistry.api;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP access log (README "Operating", logs): one line per request on logger
 * {@code http.access} — method, path, status, bytes sent, duration, client address. Never headers
 * or bodies, so credentials never reach the log.
 */
final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("http.access");

  private static final String LOOKUPS = "/api/lookup/";

  private AccessLog() {}

  /** Route step: logs the request once its response is sent. */
  static void handle(RoutingContext ctx) {
    log(ctx, false);
  }

  /**
   * Route step: the same, except for lookups answered 200 or 404 ({@code logging.access_log_lookups}
   * false): a refused or failed lookup is still logged.
   */
  static void handleButAnsweredLookups(RoutingContext ctx) {
    log(ctx, ctx.request().path().startsWith(LOOKUPS));
  }

  private static void log(RoutingContext ctx, boolean unlessAnswered) {
    long start = System.nanoTime();
    ctx.addEndHandler(done -> {
      int status = ctx.response().getStatusCode();
      if (!unlessAnswered || status != 200 && status != 404) {
        line(ctx, start);
      }
    });
    ctx.next();
  }

  private static void line(RoutingContext ctx, long start) {
    LOG.info("{} {} {} {} B {} ms {}", ctx.request().method(), ctx.request().path(),
        ctx.response().getStatusCode(), ctx.response().bytesWritten(), (System.nanoTime() - start) / 1_000_000,
        ctx.request().remoteAddress());
  }
}
