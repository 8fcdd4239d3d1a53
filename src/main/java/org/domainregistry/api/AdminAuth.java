package org.domainregistry.api;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.domainregistry.admins.DomainAdmins;
import org.domainregistry.admins.LoginThrottle;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.domainregistry.service.Caller;
import org.domainregistry.service.DomainService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin authentication (README "Domain admins"), as two route steps. {@link #authenticate}
 * establishes the request's {@link Caller} by HTTP Basic: the global admin of the config, or
 * {@code admin@<domain>} with the password set for that domain; with no admin configured every
 * request is the global admin's; wrong or missing credentials fail with {@code wrong_credentials}.
 * {@link #globalAdminOnly} lets only the global admin through to the REST routes. Failed logins
 * are throttled by {@link LoginThrottle} (README "Security"): past the limit a login is
 * {@code too_many_failed_logins} with {@code Retry-After}, before any password is checked.
 */
final class AdminAuth {
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);
  private static final String CALLER = Caller.class.getName();
  private static final String ANONYMOUS = "anonymous";
  private static final String CLAIMED = "claimed:";
  private static final Set<String> RESERVED_NAMES = Set.of(Caller.GLOBAL_ADMIN.auditName(), ANONYMOUS,
      DomainService.SYSTEM);
  private final Optional<byte[]> globalAdmin;
  private final DomainAdmins domainAdmins;
  private final LoginThrottle throttle;

  AdminAuth(Optional<NodeConfig.Admin> admin, DomainAdmins domainAdmins, LoginThrottle throttle) {
    this.globalAdmin = admin.map(a -> (a.username() + ":" + a.password()).getBytes(StandardCharsets.UTF_8));
    this.domainAdmins = domainAdmins;
    this.throttle = throttle;
  }

  /** The caller of an authenticated request. */
  static Caller caller(RoutingContext ctx) {
    return ctx.get(CALLER);
  }

  /**
   * How the audit log names the sender of a request that may not have authenticated: its caller
   * when it did, else the user name its HTTP Basic header claims (never the password; a name the
   * log gives trusted callers, such as {@code global_admin}, prefixed with {@code claimed:}), else
   * {@code anonymous}.
   */
  static String auditedCaller(RoutingContext ctx) {
    Caller caller = caller(ctx);
    if (caller != null) {
      return caller.auditName();
    }
    String text = new String(credentials(ctx.request().getHeader("Authorization")), StandardCharsets.UTF_8);
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return ANONYMOUS;
    }
    String user = text.substring(0, colon);
    return RESERVED_NAMES.contains(user) || user.startsWith("bus:") || user.startsWith(CLAIMED) ? CLAIMED + user : user;
  }

  /** Establishes the caller; a request already authenticated on an earlier route passes straight on. */
  void authenticate(RoutingContext ctx) {
    if (caller(ctx) != null) {
      ctx.next();
      return;
    }
    if (globalAdmin.isEmpty()) {
      admit(ctx, Caller.GLOBAL_ADMIN);
      return;
    }
    byte[] credentials = credentials(ctx.request().getHeader("Authorization"));
    Optional<DomainLogin> login = DomainLogin.parse(credentials);
    Optional<String> account = login.map(DomainLogin::domain);
    String address = address(ctx);
    OptionalLong retryAfter = throttle.retryAfterSeconds(address, account);
    if (retryAfter.isPresent()) {
      LOG.info("Login from {}{} refused: too many failed logins", address, account.map(a -> " for " + a).orElse(""));
      ctx.response().putHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
      ctx.fail(DomainError.TOO_MANY_FAILED_LOGINS.exception());
      return;
    }
    if (MessageDigest.isEqual(globalAdmin.get(), credentials)) {
      admit(ctx, Caller.GLOBAL_ADMIN);
      return;
    }
    if (login.isEmpty()) {
      refuse(ctx, address, Optional.empty());
      return;
    }
    String domain = login.get().domain();
    domainAdmins.authenticate(domain, login.get().password())
        .onSuccess(valid -> {
          if (valid) {
            throttle.succeeded(domain);
            admit(ctx, Caller.domainAdmin(domain));
          } else {
            LOG.info("Domain admin login refused for {}: wrong credentials", domain);
            refuse(ctx, address, account);
          }
        })
        .onFailure(ctx::fail);
  }

  private static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }

  /** Lets only the global admin through; a domain admin fails with {@code no_permissions}. */
  void globalAdminOnly(RoutingContext ctx) {
    Caller caller = caller(ctx);
    if (caller.isGlobalAdmin()) {
      ctx.next();
      return;
    }
    LOG.info("{} {} of the {} refused: REST routes are for the global admin", ctx.request().method(),
        ctx.request().path(), caller);
    ctx.fail(DomainError.NO_PERMISSIONS.exception(
        "A domain admin may only use the GraphQL API, for the details and password of its own domain"));
  }

  private static void admit(RoutingContext ctx, Caller caller) {
    ctx.put(CALLER, caller);
    ctx.next();
  }

  /** Wrong or missing credentials; only a request that sent some counts as a failed login. */
  private void refuse(RoutingContext ctx, String address, Optional<String> account) {
    if (ctx.request().getHeader("Authorization") != null) {
      throttle.failed(address, account);
    }
    if (!BrowserSafety.fromConsole(ctx)) {
      ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"domain-registry\"");
    }
    ctx.fail(DomainError.WRONG_CREDENTIALS.exception());
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
