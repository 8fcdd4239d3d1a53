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

  /**
   * What a client may be told of any failure: a {@code DomainException} as it is, anything else
   * as {@link DomainError#INTERNAL} with its default message (the cause is for the log only).
   */
  public static DomainException of(Throwable failure) {
    return failure instanceof DomainException known ? known : DomainError.INTERNAL.exception();
  }
}
