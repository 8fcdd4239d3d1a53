package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Full load of the enabled domains from one REPEATABLE READ snapshot, page by page ordered by
 * id, so that no page is held longer than it takes to hand it on.
 */
final class PgSnapshotLoader {
  /** How far below the snapshot's highest event id in-flight ids are looked for. */
  static final long GAP_WINDOW = 10_000;
  private final Pool pool;

  PgSnapshotLoader(Pool pool) {
    this.pool = pool;
  }

  Future<Snapshot> load(int pageSize, Consumer<List<StoredDomain>> sink) {
    return pool.withTransaction(conn -> conn.query(Sql.SNAPSHOT_TRANSACTION).execute()
        .compose(x -> conn.query(Sql.MAX_EVENT_ID).execute())
        .compose(rows -> {
          Row bounds = rows.iterator().next();
          long maxEventId = bounds.getLong("max_id");
          long windowStart = Math.max(bounds.getLong("cleaned_through"), maxEventId - GAP_WINDOW);
          return conn.preparedQuery(Sql.RECENT_EVENT_IDS).execute(Tuple.of(windowStart))
              .compose(ids -> {
                List<Long> recent = new ArrayList<>(ids.size());
                ids.forEach(row -> recent.add(row.getLong("id")));
                return loadPages(conn, 0, pageSize, sink, 0)
                    .map(count -> new Snapshot(maxEventId, windowStart, recent, count));
              });
        }));
  }

  private Future<Long> loadPages(SqlConnection conn, long afterId, int pageSize,
                                 Consumer<List<StoredDomain>> sink, long loaded) {
    return conn.preparedQuery(Sql.ENABLED_PAGE).execute(Tuple.of(afterId, pageSize)).compose(rows -> {
      List<StoredDomain> page = new ArrayList<>(rows.size());
      long lastId = afterId;
      for (Row row : rows) {
        page.add(PgDomainStore.toDomain(row));
        lastId = row.getLong("id");
      }
      sink.accept(page);
      long total = loaded + page.size();
      return page.size() < pageSize
          ? Future.succeededFuture(total)
          : loadPages(conn, lastId, pageSize, sink, total);
    });
  }
}
