package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.domainregistry.registry.DomainStatus;

/**
 * Full load of the enabled domains from one REPEATABLE READ snapshot through one cursor, fetched
 * {@code pageSize} rows at a time and handed on page by page, so that no more than a page is held
 * and the table is scanned once (paging by {@code id > last ORDER BY id LIMIT n} walked the index
 * and paid a parse and a round trip per page: README "Benchmarks").
 */
final class PgSnapshotLoader {
  /**
   * How far below the snapshot's highest event id in-flight ids are looked for, at least: a reload
   * looks from the reader's applied id when that is lower.
   */
  static final long GAP_WINDOW = 10_000;

  Future<Snapshot> load(Pool pool, int pageSize, long windowAtMost, Consumer<List<StoredDomain>> sink) {
    return pool.withTransaction(conn -> conn.query(Sql.SNAPSHOT_TRANSACTION).execute()
        .compose(x -> conn.query(Sql.EVENT_BOUNDS).execute())
        .compose(rows -> {
          EventBounds bounds = EventBounds.read(rows.iterator().next());
          long windowStart = Math.max(bounds.cleanedThrough(), Math.min(windowAtMost, bounds.maxId() - GAP_WINDOW));
          return conn.preparedQuery(Sql.MISSING_EVENT_IDS).execute(Tuple.of(windowStart, IdRange.MAX_TRACKED + 1))
              .compose(ranges -> {
                List<IdRange> missing = new ArrayList<>(ranges.size());
                ranges.forEach(row -> missing.add(new IdRange(row.getLong("from_id"), row.getLong("to_id"))));
                return stream(conn, pageSize, sink)
                    .map(count -> new Snapshot(bounds.maxId(), windowStart, missing, count));
              });
        }));
  }

  private static Future<Long> stream(SqlConnection conn, int pageSize, Consumer<List<StoredDomain>> sink) {
    return conn.prepare(Sql.ENABLED_DOMAINS).compose(statement -> {
      Promise<Long> done = Promise.promise();
      new Pages(statement.createStream(pageSize), pageSize, sink, done).start();
      return done.future().andThen(x -> statement.close());
    });
  }

  /** The rows of one cursor gathered into pages for the sink. */
  private static final class Pages {
    private final RowStream<Row> rows;
    private final int pageSize;
    private final Consumer<List<StoredDomain>> sink;
    private final Promise<Long> done;
    private List<StoredDomain> page;
    private long count;

    Pages(RowStream<Row> rows, int pageSize, Consumer<List<StoredDomain>> sink,
          Promise<Long> done) {
      this.rows = rows;
      this.pageSize = pageSize;
      this.sink = sink;
      this.done = done;
      this.page = new ArrayList<>(pageSize);
    }

    void start() {
      rows.exceptionHandler(done::tryFail);
      rows.endHandler(x -> {
        if (hand()) {
          done.tryComplete(count);
        }
      });
      rows.handler(row -> {
        page.add(new StoredDomain(row.getString(0), row.getString(1), DomainStatus.ofStoredCode(row.getShort(2))));
        if (page.size() == pageSize && !hand()) {
          rows.close();
        }
      });
    }

    /** Hands the page on; false (and the load failed) when the sink threw. */
    private boolean hand() {
      try {
        sink.accept(page);
        count += page.size();
        page = new ArrayList<>(pageSize);
        return true;
      } catch (RuntimeException e) {
        done.tryFail(e);
        return false;
      }
    }
  }
}
