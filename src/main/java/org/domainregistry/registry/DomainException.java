package org.domainregistry.registry;

/** A domain operation failed for a known reason; cheap (no stack trace) and safe to show a client. */
public final class DomainException extends RuntimeException {
  private final DomainError error;

  public DomainException(DomainError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  public DomainError error() {
    return error;
  }
}
