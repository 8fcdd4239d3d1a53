package org.domainregistry.store;

/**
 * One {@code domain_events} row joined with the domain's current {@code domain_settings} row
 * ({@code current} is null when the row no longer exists). A dummy event plugging a gap has an
 * empty domain.
 */
public record DomainEvent(long id, String domain, StoredDomain current) {

  /** True for MongooseIM's gap-plugging dummy rows {@code (id, '')}, which readers skip. */
  public boolean isDummy() {
    return domain.isEmpty();
  }
}
