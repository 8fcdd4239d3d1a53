package org.domainregistry.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.domainregistry.admins.DomainAdmins;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication of admin requests, establishing their {@link Caller}: the global admin
 * of the config, or {@code admin@<domain>} with the password set for that domain. With no admin
 * configured there is no authentication and every request is the global admin's. Wrong or missing
 * credentials are a 401 {@code wrong_credentials}, answered by the {@link Refusal} of the API called.
 * A request already authenticated on an earlier route passes straight on.
 */
final class BasicAuthHandler implements Handler<RoutingContext> {
  static final String WRONG_CREDENTIALS = "wrong_credentials";
  private static final Logger LOG = LoggerFactory.getLogger(BasicAuthHandler.class);
  private final Optional<byte[]> globalAdmin;
  private final DomainAdmins domainAdmins;
  private final Refusal refusal;

  BasicAuthHandler(Optional<NodeConfig.Admin> admin, DomainAdmins domainAdmins, Refusal refusal) {
    this.globalAdmin = admin.map(a -> (a.username() + ":" + a.password()).getBytes(StandardCharsets.UTF_8));
    this.domainAdmins = domainAdmins;
    this.refusal = refusal;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (Caller.of(ctx).isPresent()) {
      ctx.next();
      return;
    }
    byte[] credentials = credentials(ctx.request().getHeader("Authorization"));
    if (globalAdmin.isEmpty() || MessageDigest.isEqual(globalAdmin.get(), credentials)) {
      admit(ctx, Caller.GLOBAL_ADMIN);
      return;
    }
    Optional<DomainLogin> login = DomainLogin.parse(credentials);
    if (login.isEmpty()) {
      refuse(ctx);
      return;
    }
    String domain = login.get().domain();
    domainAdmins.authenticate(domain, login.get().password())
        .onSuccess(valid -> {
          if (valid) {
            admit(ctx, Caller.domainAdmin(domain));
          } else {
            LOG.info("Domain admin login refused for {}: wrong credentials", domain);
            refuse(ctx);
          }
        })
        .onFailure(failure -> {
          DomainError error = failure instanceof DomainException known ? known.error() : DomainError.INTERNAL;
          refusal.send(ctx, error.httpStatus(), error.code(), error.message());
        });
  }

  private static void admit(RoutingContext ctx, Caller caller) {
    caller.attachTo(ctx);
    ctx.next();
  }

  private void refuse(RoutingContext ctx) {
    ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"domain-registry\"");
    refusal.send(ctx, 401, WRONG_CREDENTIALS, "Wrong credentials");
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

  /** {@code admin@<domain>:<password>} with a valid domain name and a non-empty password. */
  private record DomainLogin(String domain, String password) {
    static Optional<DomainLogin> parse(byte[] credentials) {
      String text = new String(credentials, StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      if (colon < 0 || colon == text.length() - 1 || !text.startsWith(DomainAdmins.USER_PREFIX)) {
        return Optional.empty();
      }
      try {
        String domain = DomainName.normalize(text.substring(DomainAdmins.USER_PREFIX.length(), colon));
        return Optional.of(new DomainLogin(domain, text.substring(colon + 1)));
      } catch (DomainException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return "DomainLogin[" + domain + "]";
    }
  }
}
