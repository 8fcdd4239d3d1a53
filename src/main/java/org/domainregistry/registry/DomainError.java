package org.domainregistry.registry;

/**
 * The one table of error codes, shared by every face: the machine-readable {@code code} (also the
 * GraphQL {@code extensions.code}), the default message and the event-bus failure code. The HTTP
 * status of each row is the API's business ({@code api/HttpErrors}); README "Error codes" lists
 * the whole table. Messages of the first six are MongooseIM's, verbatim, so existing tooling reads
 * them.
 */
public enum DomainError {
  STATIC("static", "Domain is static", 1),
  UNKNOWN_HOST_TYPE("unknown_host_type", "Unknown host type", 2),
  DUPLICATE("duplicate", "Domain already exists", 3),
  NOT_FOUND("not_found", "Given domain does not exist", 4),
  WRONG_HOST_TYPE("wrong_host_type", "Wrong host type was provided", 5),
  DELETED("deleted", "Domain has been deleted", 6),
  INVALID_DOMAIN("invalid_domain", "Invalid domain name", 7),
  INVALID_BODY("invalid_body", "Invalid request body", 8),
  DB_UNAVAILABLE("db_unavailable", "Database unavailable", 9),
  TIMEOUT("timeout", "Timed out", 10),
  INVALID_QUERY("invalid_query", "Invalid query parameter", 11),
  /** A cleanup handler failed or timed out: the domain stays deleting and its removal is retried. */
  CLEANUP_FAILED("cleanup_failed", "Domain cleanup failed", 12),
  /** Missing or wrong admin credentials. */
  WRONG_CREDENTIALS("wrong_credentials", "Wrong credentials", 13),
  /** The caller is known but may not do this. */
  NO_PERMISSIONS("no_permissions", "No permission for this operation", 14),
  /** The request itself is malformed (e.g. a path that does not decode). */
  INVALID_REQUEST("invalid_request", "Malformed request", 15),
  /** No route has this path. */
  NO_ROUTE("no_route", "No such route", 16),
  /** The route exists, not with this method. */
  METHOD_NOT_ALLOWED("method_not_allowed", "Method not allowed", 17),
  /** A body of a content type the route does not read. */
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "Expected Content-Type application/json or application/graphql",
      18),
  /** GraphQL: an argument value is invalid. */
  INPUT_COERCION("input_coercion", "Invalid argument value", 19),
  /** GraphQL: the query does not parse. */
  PARSER_ERROR("parser_error", "Invalid query syntax", 20),
  /** GraphQL: the query names unknown fields or arguments. */
  VALIDATION_ERROR("validation_error", "Invalid query", 21),
  /** GraphQL: the body is not a GraphQL request. */
  BAD_REQUEST("bad_request", "Malformed GraphQL request", 22),
  /** The database refused a value as data (SQLSTATE class 22), e.g. a character it cannot store. */
  INVALID_VALUE("invalid_value", "Invalid value", 23),
  /** GraphQL: the query is too deep, too complex, has too many aliases or asks for too long a list. */
  QUERY_TOO_COMPLEX("query_too_complex", "Query too complex", 24),
  /** Too many failed logins from this address or for this account; retry after {@code Retry-After}. */
  TOO_MANY_FAILED_LOGINS("too_many_failed_logins", "Too many failed logins, try again later", 25),
  /** Too many logins in progress: the node sheds load instead of queueing without bound. */
  BUSY("busy", "Too many requests in progress, try again later", 26),
  /** The node is shutting down and takes no new writes; another node will (README "Operating"). */
  SHUTTING_DOWN("shutting_down", "Node is shutting down", 40),
  /** A subdomain pattern that is neither {@code prefix.@HOST@} nor a valid fixed name. */
  INVALID_PATTERN("invalid_pattern", "Invalid subdomain pattern", 30),
  /** A subdomain pattern that would produce a name another pattern already produces. */
  SUBDOMAIN_CONFLICT("subdomain_conflict", "Subdomain pattern conflicts with a registered one", 31),
  /** The change feed no longer holds the events after the given id: start again from an export. */
  RELOAD_NEEDED("reload_needed", "Events were cleaned; reload needed", 32),
  /** A state-changing request sent by a page of another site (cross-site request forgery). */
  CROSS_SITE_REQUEST("cross_site_request", "Cross-site request refused", 60),
  INTERNAL("internal", "Internal error", 99);

  private final String code;
  private final String message;
  private final int failureCode;

  DomainError(String code, String message, int failureCode) {
    this.code = code;
    this.message = message;
    this.failureCode = failureCode;
  }

  /** Machine-readable code, e.g. {@code duplicate}; GraphQL's {@code extensions.code} too. */
  public String code() {
    return code;
  }

  /** Default human-readable message. */
  public String message() {
    return message;
  }

  /** Numeric failure code of event-bus replies. */
  public int failureCode() {
    return failureCode;
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
