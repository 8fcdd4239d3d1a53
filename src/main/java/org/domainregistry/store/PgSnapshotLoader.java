package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Full load of the enabled domains from one REPEATABLE READ snapshot, page by page ordered by
 * id, so that no page is held longer than it takes to hand it on. Each page is asked for from the
 * callback of the one before, so the stack stays flat however many pages there are.
 */
final class PgSnapshotLoader {
  /** How far below the snapshot's highest event id in-flight ids are looked for. */
  static final long GAP_WINDOW = 10_000;

  Future<Snapshot> load(Pool pool, int pageSize, Consumer<List<StoredDomain>> sink) {
    return pool.withTransaction(conn -> conn.query(Sql.SNAPSHOT_TRANSACTION).execute()
        .compose(x -> conn.query(Sql.EVENT_BOUNDS).execute())
        .compose(rows -> {
          EventBounds bounds = EventBounds.read(rows.iterator().next());
          long windowStart = Math.max(bounds.cleanedThrough(), bounds.maxId() - GAP_WINDOW);
          return conn.preparedQuery(Sql.RECENT_EVENT_IDS).execute(Tuple.of(windowStart))
              .compose(ids -> {
                List<Long> recent = new ArrayList<>(ids.size());
                ids.forEach(row -> recent.add(row.getLong("id")));
                Promise<Long> loaded = Promise.promise();
                nextPage(conn, 0, pageSize, sink, 0, loaded);
                return loaded.future().map(count -> new Snapshot(bounds.maxId(), windowStart, recent, count));
              });
        }));
  }

  private static void nextPage(SqlConnection conn, long afterId, int pageSize, Consumer<List<StoredDomain>> sink,
                               long loaded, Promise<Long> done) {
    conn.preparedQuery(Sql.ENABLED_PAGE).execute(Tuple.of(afterId, pageSize)).onFailure(done::fail).onSuccess(rows -> {
      List<StoredDomain> page = new ArrayList<>(rows.size());
      long lastId = afterId;
      for (Row row : rows) {
        page.add(DomainRows.toDomain(row));
        lastId = row.getLong("id");
      }
      try {
        sink.accept(page);
      } catch (RuntimeException e) {
        done.fail(e);
        return;
      }
      if (page.size() < pageSize) {
        done.complete(loaded + page.size());
      } else {
        nextPage(conn, lastId, pageSize, sink, loaded + page.size(), done);
      }
    });
  }
}
