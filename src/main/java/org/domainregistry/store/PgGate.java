package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import org.domainregistry.registry.DomainError;

/**
 * Runs the statements of the stores: refused as {@code db_unavailable} until the schema is
 * migrated, transactions retried when a gap filler took their event id or a conflicting row went
 * away, failures translated by {@link DbFailures}.
 */
final class PgGate {
  private static final int WRITE_ATTEMPTS = 3;
  private final Pool pool;
  private volatile boolean open;

  PgGate(Pool pool) {
    this.pool = pool;
  }

  void open() {
    open = true;
  }

  /** A statement (or several) on the pool, outside any transaction. */
  <T> Future<T> run(Function<Pool, Future<T>> statements) {
    if (!open) {
      return Future.failedFuture(DomainError.DB_UNAVAILABLE.exception());
    }
    return statements.apply(pool).recover(failure -> Future.failedFuture(DbFailures.translate(failure)));
  }

  /**
   * One statement on the pool (a transaction of its own), run again when a gap filler took its
   * event id, as {@link #transaction} does.
   */
  <T> Future<T> statement(Function<Pool, Future<T>> statement) {
    if (!open) {
      return Future.failedFuture(DomainError.DB_UNAVAILABLE.exception());
    }
    return retried(statement, 1).recover(failure -> Future.failedFuture(DbFailures.translate(failure)));
  }

  private <T> Future<T> retried(Function<Pool, Future<T>> statement, int attempt) {
    return statement.apply(pool).recover(failure -> attempt < WRITE_ATTEMPTS && DbFailures.isEventIdTaken(failure)
        ? retried(statement, attempt + 1) : Future.failedFuture(failure));
  }

  /** Work in one transaction. */
  <T> Future<T> transaction(Function<SqlConnection, Future<T>> work) {
    if (!open) {
      return Future.failedFuture(DomainError.DB_UNAVAILABLE.exception());
    }
    return attempt(work, 1).recover(failure -> Future.failedFuture(DbFailures.translate(failure)));
  }

  private <T> Future<T> attempt(Function<SqlConnection, Future<T>> work, int attempt) {
    return pool.withTransaction(work).recover(failure -> attempt < WRITE_ATTEMPTS
        && (DbFailures.isEventIdTaken(failure) || failure instanceof RetryableConflict)
        ? attempt(work, attempt + 1)
        : Future.failedFuture(failure));
  }

  /** Thrown inside a transaction to run it again: what it conflicted with changed meanwhile. */
  static final class RetryableConflict extends RuntimeException {
    RetryableConflict(String message) {
      super(message, null, false, false);
    }
  }
}
