package org.domainregistry.registry;

/**
 * What is known of one domain: its host type, status and whether it comes from the config
 * ({@code static}) or the database ({@code dynamic}).
 */
public record DomainDetails(String domain, String hostType, DomainStatus status, boolean isStatic) {

  /** A static domain: always enabled. */
  public static DomainDetails ofStatic(String domain, String hostType) {
    return new DomainDetails(domain, hostType, DomainStatus.ENABLED, true);
  }

  /** {@code static} or {@code dynamic}. */
  public String type() {
    return isStatic ? "static" : "dynamic";
  }

}
