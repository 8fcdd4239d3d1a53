package org.domainregistry.api;

import io.vertx.ext.web.RoutingContext;

/** Answers a request refused before it reaches its handler, in the error shape of the API it called. */
@FunctionalInterface
interface Refusal {
  void send(RoutingContext ctx, int status, String code, String message);
}
