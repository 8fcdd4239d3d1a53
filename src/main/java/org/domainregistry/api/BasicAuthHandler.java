package org.domainregistry.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.domainregistry.config.NodeConfig;

/** HTTP Basic authentication of the global admin; wrong or missing credentials are a 401. */
final class BasicAuthHandler implements Handler<RoutingContext> {
  private final byte[] expected;

  BasicAuthHandler(NodeConfig.Admin admin) {
    this.expected = (admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (MessageDigest.isEqual(expected, credentials(ctx.request().getHeader("Authorization")))) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"domain-registry\"");
    HttpErrors.send(ctx, 401, "wrong_credentials", "Wrong credentials");
  }

  private static byte[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(header.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
