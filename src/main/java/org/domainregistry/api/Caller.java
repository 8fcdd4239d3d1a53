package org.domainregistry.api;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent an admin request, as {@link BasicAuthHandler} established it: the global admin, who may
 * do everything, or the admin of one domain, who may only read and set the password of that domain.
 */
public final class Caller {
  /** The global admin; also every caller when no admin credentials are configured. */
  public static final Caller GLOBAL_ADMIN = new Caller(null);
  private static final String KEY = Caller.class.getName();
  private final String domain;

  private Caller(String domain) {
    this.domain = domain;
  }

  /** The admin of {@code domain} (canonical name). */
  public static Caller domainAdmin(String domain) {
    return new Caller(Objects.requireNonNull(domain, "domain"));
  }

  public boolean isGlobalAdmin() {
    return domain == null;
  }

  /** The domain a domain admin administers; empty for the global admin. */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /** The caller of an authenticated request, or empty before authentication. */
  public static Optional<Caller> of(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(KEY));
  }

  void attachTo(RoutingContext ctx) {
    ctx.put(KEY, this);
  }

  @Override
  public String toString() {
    return isGlobalAdmin() ? "global admin" : "admin of " + domain;
  }
}
