package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Plugs one missing event id in a transaction of its own: never an id the sequence has not handed
 * out, never one a cleaner deleted; an id found missing by reading past it and free below the
 * oldest kept event is reported, not plugged (the insert is rolled back), since it may be an event
 * some other cleaner deleted before it was read.
 */
final class PgGapFiller {

  Future<GapFill> fill(Pool pool, long eventId, boolean fromSnapshot) {
    return pool.withTransaction(conn -> conn.query(Sql.GAP_LOCK_TIMEOUT).execute()
            .compose(x -> conn.query(Sql.EVENT_BOUNDS).execute())
            .compose(rows -> decide(conn, eventId, fromSnapshot, EventBounds.read(rows.iterator().next()))))
        .recover(failure -> {
          if (failure instanceof BelowOldest) {
            return Future.succeededFuture(GapFill.BELOW_OLDEST);
          }
          return DbFailures.isLockTimeout(failure) ? Future.succeededFuture(GapFill.HELD) : Future.failedFuture(failure);
        });
  }

  private static Future<GapFill> decide(SqlConnection conn, long eventId, boolean fromSnapshot, EventBounds bounds) {
    if (eventId > bounds.lastIssued()) {
      return Future.succeededFuture(GapFill.NOT_ISSUED);
    }
    if (eventId <= bounds.cleanedThrough()) {
      return Future.succeededFuture(GapFill.BELOW_OLDEST);
    }
    return conn.preparedQuery(Sql.FILL_GAP).execute(Tuple.of(eventId)).compose(rows -> {
      if (rows.rowCount() == 0) {
        return Future.succeededFuture(GapFill.PRESENT);
      }
      return eventId < bounds.minId() && !fromSnapshot
          ? Future.failedFuture(new BelowOldest())
          : Future.succeededFuture(GapFill.PLUGGED);
    });
  }

  /** Rolls the probing insert back: the id is free below the oldest kept event. */
  private static final class BelowOldest extends RuntimeException {
    BelowOldest() {
      super("free id below the oldest kept event", null, false, false);
    }
  }
}
