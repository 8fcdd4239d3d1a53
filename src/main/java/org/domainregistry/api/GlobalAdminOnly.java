package org.domainregistry.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lets only the global admin through to the REST routes; a domain admin gets 403 {@code no_permissions}. */
final class GlobalAdminOnly implements Handler<RoutingContext> {
  static final String NO_PERMISSIONS = "no_permissions";
  private static final Logger LOG = LoggerFactory.getLogger(GlobalAdminOnly.class);

  @Override
  public void handle(RoutingContext ctx) {
    if (Caller.of(ctx).map(Caller::isGlobalAdmin).orElse(false)) {
      ctx.next();
    } else {
      LOG.info("{} {} of the {} refused: REST routes are for the global admin", ctx.request().method(),
          ctx.request().path(), Caller.of(ctx).map(Caller::toString).orElse("unauthenticated caller"));
      HttpErrors.send(ctx, 403, NO_PERMISSIONS,
          "A domain admin may only use the GraphQL API, for the details and password of its own domain");
    }
  }
}
