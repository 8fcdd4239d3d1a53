package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * {@link BulkStore} on PostgreSQL: the statements of {@link PgDomainStore#insert} over
 * {@code unnest} arrays, so a batch is three statements whatever its size.
 */
final class PgBulkStore implements BulkStore {
  private final PgGate gate;

  PgBulkStore(PgGate gate) {
    this.gate = gate;
  }

  @Override
  public Future<BatchInsert> insertAll(List<String> domains, List<String> hostTypes) {
    String[] names = domains.toArray(new String[0]);
    Tuple pairs = Tuple.tuple().addArrayOfString(names).addArrayOfString(hostTypes.toArray(new String[0]));
    return gate.transaction(conn -> conn.preparedQuery(Sql.INSERT_DOMAINS).execute(pairs).compose(inserted -> {
      List<String> created = new ArrayList<>(inserted.rowCount());
      inserted.forEach(row -> created.add(row.getString("domain")));
      return events(conn, created).compose(ids -> created.size() == names.length
          ? Future.succeededFuture(new BatchInsert(ids, Map.of()))
          : conn.preparedQuery(Sql.SELECT_DOMAINS).execute(Tuple.of(names)).map(rows -> {
            Map<String, StoredDomain> existing = new HashMap<>();
            rows.forEach(row -> existing.put(row.getString("domain"), DomainRows.toDomain(row)));
            ids.keySet().forEach(existing::remove);
            return new BatchInsert(ids, existing);
          }));
    }));
  }

  private static Future<Map<String, Long>> events(SqlConnection conn, List<String> created) {
    if (created.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return conn.preparedQuery(Sql.INSERT_EVENTS).execute(Tuple.of(created.toArray(new String[0]))).map(rows -> {
      Map<String, Long> ids = new HashMap<>();
      rows.forEach(row -> ids.put(row.getString("domain"), row.getLong("id")));
      return ids;
    });
  }

  @Override
  public Future<Long> exportAll(int pageSize, LongFunction<Future<Void>> onSnapshot,
                                Function<List<StoredDomain>, Future<Void>> sink) {
    return gate.run(pool -> pool.withTransaction(conn -> conn.query(Sql.SNAPSHOT_TRANSACTION).execute()
        .compose(x -> conn.query(Sql.EVENT_BOUNDS).execute())
        .compose(rows -> onSnapshot.apply(EventBounds.read(rows.iterator().next()).maxId()))
        .compose(x -> page(conn, 0, pageSize, sink, 0))));
  }

  private static Future<Long> page(SqlConnection conn, long afterId, int pageSize,
                                   Function<List<StoredDomain>, Future<Void>> sink, long count) {
    return conn.preparedQuery(Sql.ALL_PAGE).execute(Tuple.of(afterId, pageSize)).compose(rows -> {
      List<StoredDomain> page = new ArrayList<>(rows.size());
      long lastId = afterId;
      for (Row row : rows) {
        page.add(DomainRows.toDomain(row));
        lastId = row.getLong("id");
      }
      long next = lastId;
      return sink.apply(page).compose(x -> page.size() < pageSize ? Future.succeededFuture(count + page.size())
          : page(conn, next, pageSize, sink, count + page.size()));
    });
  }
}
