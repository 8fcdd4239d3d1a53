package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@link EventBounds}; a cleaned mark left above the ids after they went back (TRUNCATE
 * ... RESTART IDENTITY, a restore) is reset to 0 on the way, so that readers reload once, not
 * until the ids pass the old mark.
 */
final class PgEventBounds {
  private static final Logger LOG = LoggerFactory.getLogger(PgEventBounds.class);

  private PgEventBounds() {}

  static Future<EventBounds> read(SqlClient client) {
    return client.query(Sql.EVENT_BOUNDS).execute().compose(rows -> {
      Row row = rows.iterator().next();
      long stale = row.getLong("stale_cleaned");
      if (stale == 0) {
        return Future.succeededFuture(EventBounds.read(row));
      }
      return client.preparedQuery(Sql.RESET_STALE_CLEANED).execute(Tuple.of(stale)).map(reset -> {
        if (reset.rowCount() > 0) {
          LOG.warn("Event ids went back below the cleaned mark {} (table truncated or restored?): mark reset to 0",
              stale);
        }
        return EventBounds.read(row);
      });
    });
  }
}
