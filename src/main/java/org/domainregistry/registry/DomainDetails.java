package org.domainregistry.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * What is known of one domain: its host type, status and whether it comes from the config
 * ({@code static}) or the database ({@code dynamic}); while it is being deleted, the progress of
 * its removal.
 */
public record DomainDetails(String domain, String hostType, DomainStatus status, boolean isStatic,
                            Optional<RemovalProgress> removal) {

  /** Details with no removal under way. */
  public DomainDetails(String domain, String hostType, DomainStatus status, boolean isStatic) {
    this(domain, hostType, status, isStatic, Optional.empty());
  }

  /** Requires the removal to be given (empty when there is none). */
  public DomainDetails {
    Objects.requireNonNull(removal, "removal");
  }

  /** A static domain: always enabled. */
  public static DomainDetails ofStatic(String domain, String hostType) {
    return new DomainDetails(domain, hostType, DomainStatus.ENABLED, true);
  }

  /** {@code static} or {@code dynamic}. */
  public String type() {
    return isStatic ? "static" : "dynamic";
  }

  /** The same details with the progress of the domain's removal. */
  public DomainDetails withRemoval(RemovalProgress progress) {
    return new DomainDetails(domain, hostType, status, isStatic, Optional.of(progress));
  }
}
