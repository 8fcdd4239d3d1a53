package org.domainregistry.admins;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainName;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.service.AuditLog;
import org.domainregistry.store.DomainStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain admins (README "Domain admins"): {@code admin@<domain>} logs in with a password set for that domain.
 * Passwords are kept only as {@link ScramPassword} details; hashing runs on a worker pool of its
 * own, never on an event loop, and no password is ever logged or audited. Every password change
 * and refused change leaves an audit row ({@value #SET} or {@value #REMOVE}). Logins in progress are bounded:
 * past the bound a login is {@code busy} at once (README "Security").
 */
public final class DomainAdmins {
  /** The user name of a domain's admin is this prefix followed by the domain. */
  public static final String USER_PREFIX = "admin@";
  private static final Logger LOG = LoggerFactory.getLogger(DomainAdmins.class);
  /** Audit operations of password changes (README "Operating", audit log). */
  public static final String SET = "set_domain_password";
  /** Audit operation of a password removal. */
  public static final String REMOVE = "remove_domain_password";
  private static final String NO_PASSWORD = "Domain password does not exist";
  private final AuditLog audit;
  private final WorkerExecutor hashing;
  private final DomainStore store;
  private final DomainStore loginStore;
  private final DomainRegistry registry;
  private final int maxPendingLogins;
  private final AtomicInteger pendingLogins = new AtomicInteger();

  /**
   * Domain admins whose passwords are in {@code store}, of the domains {@code registry} serves;
   * logins look passwords up in {@code loginStore} (a pool apart from the sync path) and hash on
   * {@code hashing}, at most {@code maxPendingLogins} at a time; password changes are audited in {@code audit}.
   */
  public DomainAdmins(WorkerExecutor hashing, DomainStore store, DomainStore loginStore, DomainRegistry registry,
                      int maxPendingLogins, AuditLog audit) {
    this.audit = audit;
    this.hashing = hashing;
    this.store = store;
    this.loginStore = loginStore;
    this.registry = registry;
    this.maxPendingLogins = maxPendingLogins;
  }

  /**
   * Sets or replaces the password of the domain's admin, on behalf of {@code caller} (as the audit log names it).
   *
   * @return {@code not_found} unless the domain is static or enabled
   */
  public Future<Void> setPassword(String caller, String domain, String password) {
    return named(domain).compose(name -> {
      if (registry.hostTypeOf(name) == null) {
        return Future.<Void>failedFuture(DomainError.NOT_FOUND.exception());
      }
      boolean isStatic = registry.isStatic(name);
      return hashing.executeBlocking(() -> ScramPassword.hash(password), false)
          .compose(details -> store.setAdminPassword(name, details, isStatic))
          .compose(stored -> stored ? Future.<Void>succeededFuture() : Future.failedFuture(DomainError.NOT_FOUND.exception()))
          .onSuccess(x -> LOG.info("Domain admin password of {} set (caller {})", name, caller));
    }).onFailure(failure -> LOG.info("Domain admin password of {} not set (caller {}): {}", domain, caller,
        failure.getMessage())).onComplete(done -> audited(caller, SET, domain, done.cause()));
  }

  /**
   * Deletes the password of the domain's admin, who can no longer log in, on behalf of {@code caller}.
   *
   * @return {@code not_found} "Domain password does not exist" when it has none
   */
  public Future<Void> deletePassword(String caller, String domain) {
    return named(domain).compose(name -> store.deleteAdminPassword(name).compose(deleted -> {
      if (!deleted) {
        return Future.failedFuture(DomainError.NOT_FOUND.exception(NO_PASSWORD));
      }
      LOG.info("Domain admin password of {} deleted (caller {})", name, caller);
      return Future.<Void>succeededFuture();
    })).onFailure(failure -> LOG.info("Domain admin password of {} not deleted (caller {}): {}", domain, caller,
        failure.getMessage())).onComplete(done -> audited(caller, REMOVE, domain, done.cause()));
  }

  private void audited(String caller, String operation, String domain, Throwable failure) {
    audit.record(caller, operation, DomainName.canonicalOrAsGiven(domain), null, failure, 0);
  }

  /**
   * Whether the password is the one set for the domain's admin. A domain without a password takes
   * as long to refuse as a wrong password, so timing does not tell which domains have admins.
   *
   * @param domain a canonical domain name
   * @return false for a wrong password or a domain without one; {@code db_unavailable} when the
   *     database cannot be asked; {@code busy} when too many logins are in progress
   */
  public Future<Boolean> authenticate(String domain, String password) {
    if (pendingLogins.incrementAndGet() > maxPendingLogins) {
      pendingLogins.decrementAndGet();
      LOG.warn("Domain admin login for {} refused: {} logins in progress", domain, maxPendingLogins);
      return Future.failedFuture(DomainError.BUSY.exception());
    }
    return verify(domain, password).andThen(done -> pendingLogins.decrementAndGet());
  }

  private Future<Boolean> verify(String domain, String password) {
    return loginStore.findAdminPassword(domain).compose(details -> hashing.executeBlocking(() -> {
      if (details == null) {
        ScramPassword.verify(Decoy.DETAILS, password);
        return false;
      }
      if (!ScramPassword.isReadable(details)) {
        LOG.warn("Domain admin password details of {} are in an unknown format; login refused", domain);
        return false;
      }
      return ScramPassword.verify(details, password);
    }, false));
  }

  /** Details checked for a domain without a password; computed on first use, on a worker thread. */
  private static final class Decoy {
    static final String DETAILS = ScramPassword.hash("decoy checked for domains without an admin");
  }

  private static Future<String> named(String domain) {
    return Future.succeededFuture(domain).map(DomainName::normalize);
  }
}
