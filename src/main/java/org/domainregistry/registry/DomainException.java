package org.domainregistry.registry;

/** A domain operation failed for a known reason; cheap (no stack trace) and safe to show a client. */
public final class DomainException extends RuntimeException {
  private final DomainError error;

  /** A failure of this kind, with a message fit for the client. */
  public DomainException(DomainError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  /** What kind of failure this is. */
  public DomainError error() {
    return error;
  }
}
