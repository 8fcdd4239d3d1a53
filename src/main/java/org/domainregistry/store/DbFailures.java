package org.domainregistry.store;

import io.vertx.pgclient.PgException;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns database failures into {@link DomainException}s, by SQLSTATE, never by message text. */
final class DbFailures {
  private static final Logger LOG = LoggerFactory.getLogger(DbFailures.class);
  static final String UNIQUE_VIOLATION = "23505";
  static final String EVENTS_PRIMARY_KEY = "domain_events_pkey";

  private DbFailures() {}

  /** True when a gap filler took the event id this transaction was given: safe to retry. */
  static boolean isEventIdTaken(Throwable failure) {
    return failure instanceof PgException pg
        && UNIQUE_VIOLATION.equals(pg.getSqlState())
        && EVENTS_PRIMARY_KEY.equals(pg.getConstraint());
  }

  static DomainException translate(Throwable failure) {
    if (failure instanceof DomainException known) {
      return known;
    }
    if (failure instanceof PgException pg && !isUnavailable(pg.getSqlState())) {
      LOG.error("Database rejected a statement: SQLSTATE {} {}", pg.getSqlState(), pg.getErrorMessage());
      return DomainError.INTERNAL.exception();
    }
    LOG.debug("Database unavailable: {}", failure.toString());
    return DomainError.DB_UNAVAILABLE.exception();
  }

  private static boolean isUnavailable(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P")
        || sqlState.startsWith("53") || sqlState.equals("40001") || sqlState.equals("40P01"));
  }
}
