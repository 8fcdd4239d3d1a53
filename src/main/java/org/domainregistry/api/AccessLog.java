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

  private AccessLog() {}

  /** Route step: logs the request once its response is sent. */
  static void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(done -> LOG.info("{} {} {} {} B {} ms {}", ctx.request().method(), ctx.request().path(),
        ctx.response().getStatusCode(), ctx.response().bytesWritten(), (System.nanoTime() - start) / 1_000_000,
        ctx.request().remoteAddress()));
    ctx.next();
  }
}
