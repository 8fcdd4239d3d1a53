package org.domainregistry.store;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns database failures into {@link DomainException}s, by SQLSTATE, never by message text. */
final class DbFailures {
  private static final Logger LOG = LoggerFactory.getLogger(DbFailures.class);
  static final String UNIQUE_VIOLATION = "23505";
  static final String EVENTS_PRIMARY_KEY = "domain_events_pkey";
  static final String LOCK_NOT_AVAILABLE = "55P03";

  private DbFailures() {}

  /** True when a gap filler took the event id this transaction was given: safe to retry. */
  static boolean isEventIdTaken(Throwable failure) {
    return failure instanceof PgException pg
        && UNIQUE_VIOLATION.equals(pg.getSqlState())
        && EVENTS_PRIMARY_KEY.equals(pg.getConstraint());
  }

  /** True when a statement gave up waiting for a lock ({@code lock_timeout}). */
  static boolean isLockTimeout(Throwable failure) {
    return failure instanceof PgException pg && LOCK_NOT_AVAILABLE.equals(pg.getSqlState());
  }

  static DomainException translate(Throwable failure) {
    if (failure instanceof DomainException known) {
      return known;
    }
    if (failure instanceof PgException pg) {
      if (isDataException(pg.getSqlState())) {
        LOG.debug("Database refused a value: SQLSTATE {} {}", pg.getSqlState(), pg.getErrorMessage());
        return DomainError.INVALID_VALUE.exception();
      }
      if (isUnavailable(pg.getSqlState())) {
        LOG.debug("Database unavailable: SQLSTATE {} {}", pg.getSqlState(), pg.getErrorMessage());
        return DomainError.DB_UNAVAILABLE.exception();
      }
      LOG.error("Database rejected a statement: SQLSTATE {} {}", pg.getSqlState(), pg.getErrorMessage());
      return DomainError.INTERNAL.exception();
    }
    if (isConnectionFailure(failure)) {
      LOG.debug("Database unavailable: {}", failure.toString());
      return DomainError.DB_UNAVAILABLE.exception();
    }
    LOG.error("Unexpected failure talking to the database", failure);
    return DomainError.INTERNAL.exception();
  }

  private static boolean isConnectionFailure(Throwable failure) {
    return failure instanceof IOException || failure instanceof ClosedConnectionException
        || failure instanceof TimeoutException || failure instanceof VertxException;
  }

  /** SQLSTATE class 22, data exception: the client's value, not the database, is at fault. */
  private static boolean isDataException(String sqlState) {
    return sqlState != null && sqlState.startsWith("22");
  }

  /** Connection trouble, server shutdown, statement timeout (57014), resources, serialization. */
  private static boolean isUnavailable(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("57014")
        || sqlState.startsWith("53") || sqlState.equals("40001") || sqlState.equals("40P01"));
  }
}
