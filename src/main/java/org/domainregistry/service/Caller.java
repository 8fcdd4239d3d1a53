package org.domainregistry.service;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for an admin operation: the global admin, who may do everything, or the admin of one
 * domain, who may only read and set the password of that domain (README "Domain admins").
 */
public final class Caller {
  /** The global admin; also every caller when no admin credentials are configured. */
  public static final Caller GLOBAL_ADMIN = new Caller(null);
  private final String domain;

  private Caller(String domain) {
    this.domain = domain;
  }

  /** The admin of {@code domain} (canonical name). */
  public static Caller domainAdmin(String domain) {
    return new Caller(Objects.requireNonNull(domain, "domain"));
  }

  /** Whether this is the global admin. */
  public boolean isGlobalAdmin() {
    return domain == null;
  }

  /** The domain a domain admin administers; empty for the global admin. */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /** How the audit log names this caller: {@code global_admin} or {@code admin@<domain>}, never a credential. */
  public String auditName() {
    return isGlobalAdmin() ? "global_admin" : "admin@" + domain;
  }

  @Override
  public String toString() {
    return isGlobalAdmin() ? "global admin" : "admin of " + domain;
  }
}
