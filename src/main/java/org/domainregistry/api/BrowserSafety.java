package org.domainregistry.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Set;
import org.domainregistry.registry.DomainError;

/**
 * What keeps browsers safe with the admin API and the console (README "Admin console"): the
 * console's pages get a strict Content-Security-Policy and no framing, and a state-changing
 * {@code /api/*} request that a browser marks as sent by another site's page is refused before
 * authentication with {@code cross_site_request}. Clients that are not browsers send neither
 * {@code Sec-Fetch-Site} nor {@code Origin} and pass.
 */
final class BrowserSafety {
  /** Sent by the console: the node then leaves out {@code WWW-Authenticate} so no browser dialog opens. */
  static final String CONSOLE_HEADER = "X-Requested-With";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
      + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private BrowserSafety() {}

  /** Route step of {@code /console/*}: security headers on every page and script. */
  static void consoleHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    ctx.next();
  }

  /** Route step of {@code /api/*}: refuses a cross-site state-changing request. */
  static void sameSiteWrites(RoutingContext ctx) {
    if (SAFE.contains(ctx.request().method()) || !crossSite(ctx)) {
      ctx.next();
      return;
    }
    ctx.fail(DomainError.CROSS_SITE_REQUEST.exception(
        "A page of another site may not change this registry: send the request from the console or an API client"));
  }

  /** Whether the request comes from a browser page of another origin than this node. */
  private static boolean crossSite(RoutingContext ctx) {
    String fetchSite = ctx.request().getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
    }
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String host = ctx.request().getHeader(HttpHeaders.HOST);
      return uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** Whether the request was sent by the console. */
  static boolean fromConsole(RoutingContext ctx) {
    return ctx.request().getHeader(CONSOLE_HEADER) != null;
  }
}
