package org.domainregistry.registry;

/**
 * Every error a domain operation can end with. The code and message are the contract shared by
 * the HTTP API (code, message, status), the event bus (failure code, message) and GraphQL.
 * Messages of the first six are MongooseIM's, verbatim, so existing tooling reads them.
 */
public enum DomainError {
  STATIC(1, "static", "Domain is static", 403),
  UNKNOWN_HOST_TYPE(2, "unknown_host_type", "Unknown host type", 403),
  DUPLICATE(3, "duplicate", "Domain already exists", 409),
  NOT_FOUND(4, "not_found", "Given domain does not exist", 404),
  WRONG_HOST_TYPE(5, "wrong_host_type", "Wrong host type was provided", 403),
  DELETED(6, "deleted", "Domain has been deleted", 403),
  INVALID_DOMAIN(7, "invalid_domain", "Invalid domain name", 400),
  INVALID_REQUEST(8, "invalid_body", "Invalid request body", 400),
  DB_UNAVAILABLE(9, "db_unavailable", "Database unavailable", 503),
  TIMEOUT(10, "timeout", "Timed out", 504),
  INVALID_QUERY(11, "invalid_query", "Invalid query parameter", 400),
  /** A cleanup handler failed or timed out: the domain stays deleting and its removal is retried. */
  CLEANUP_FAILED(12, "cleanup_failed", "Domain cleanup failed", 502),
  INTERNAL(99, "internal", "Internal error", 500);

  private final int failureCode;
  private final String code;
  private final String message;
  private final int httpStatus;

  DomainError(int failureCode, String code, String message, int httpStatus) {
    this.failureCode = failureCode;
    this.code = code;
    this.message = message;
    this.httpStatus = httpStatus;
  }

  /** Numeric failure code of event-bus replies. */
  public int failureCode() {
    return failureCode;
  }

  /** Machine-readable code, e.g. {@code duplicate}. */
  public String code() {
    return code;
  }

  /** Default human-readable message. */
  public String message() {
    return message;
  }

  /** HTTP status the REST API answers with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The error with this event-bus failure code, {@link #INTERNAL} when none has it. */
  public static DomainError ofFailureCode(int failureCode) {
    for (DomainError e : values()) {
      if (e.failureCode == failureCode) {
        return e;
      }
    }
    return INTERNAL;
  }

  /** A failure carrying this error and its default message. */
  public DomainException exception() {
    return new DomainException(this, message);
  }

  /** A failure carrying this error and a more precise message. */
  public DomainException exception(String detail) {
    return new DomainException(this, detail);
  }
}
