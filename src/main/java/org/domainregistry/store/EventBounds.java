package org.domainregistry.store;

import io.vertx.sqlclient.Row;

/**
 * Where the events table stands: the lowest and highest kept id (0 when empty), the last id the
 * sequence handed out (an id above it is not issued yet), and the highest id the event cleaner
 * has deleted (a reader whose cursor is below it has missed events and must reload).
 */
public record EventBounds(long minId, long maxId, long lastIssued, long cleanedThrough) {

  /** The bounds in a row of {@link Sql#EVENT_BOUNDS}. */
  static EventBounds read(Row row) {
    return new EventBounds(row.getLong("min_id"), row.getLong("max_id"), row.getLong("last_issued"),
        row.getLong("cleaned_through"));
  }
}
