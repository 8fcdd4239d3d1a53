package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainStatus;

/** {@link DomainStore} on PostgreSQL through the reactive PG client. */
public final class PgDomainStore implements DomainStore {
  private static final int WRITE_ATTEMPTS = 3;
  private final Pool pool;
  private final PgGate gate;
  private final PgSnapshotLoader loader;

  /** A store on this pool, closed until {@link #markSchemaReady()}. */
  public PgDomainStore(Pool pool) {
    this(new PgGate(pool), pool);
  }

  PgDomainStore(PgGate gate, Pool pool) {
    this.pool = pool;
    this.gate = gate;
    this.loader = new PgSnapshotLoader(pool);
  }

  /** Opens the store for use once the schema is migrated; until then every call is {@code db_unavailable}. */
  public void markSchemaReady() {
    gate.open();
  }

  @Override
  public Future<WriteResult> insert(String domain, String hostType) {
    return write(conn -> conn.preparedQuery(Sql.INSERT_DOMAIN).execute(Tuple.of(domain, hostType))
        .compose(rows -> rows.rowCount() == 1
            ? appendEvent(conn, domain)
            : selectForUpdate(conn, domain).map(existing -> {
              if (existing == null) {
                throw new PgGate.RetryableConflict("domain removed during insert");
              }
              if (!existing.hostType().equals(hostType) || existing.status() == DomainStatus.DELETING) {
                throw DomainError.DUPLICATE.exception();
              }
              return WriteResult.UNCHANGED;
            })));
  }

  @Override
  public Future<WriteResult> remove(String domain, String hostType) {
    return write(conn -> selectForUpdate(conn, domain).compose(existing -> {
      if (existing == null) {
        return Future.succeededFuture(WriteResult.UNCHANGED);
      }
      if (!existing.hostType().equals(hostType)) {
        return Future.failedFuture(DomainError.WRONG_HOST_TYPE.exception());
      }
      return conn.preparedQuery(Sql.DELETE_ADMIN).execute(Tuple.of(domain))
          .compose(x -> conn.preparedQuery(Sql.DELETE_DOMAIN).execute(Tuple.of(domain)))
          .compose(x -> appendEvent(conn, domain));
    }));
  }

  @Override
  public Future<WriteResult> setEnabled(String domain, boolean enabled, Predicate<String> allowedHostType) {
    DomainStatus target = enabled ? DomainStatus.ENABLED : DomainStatus.DISABLED;
    return write(conn -> selectForUpdate(conn, domain).compose(existing -> {
      if (existing == null) {
        return Future.failedFuture(DomainError.NOT_FOUND.exception());
      }
      if (!allowedHostType.test(existing.hostType())) {
        return Future.failedFuture(DomainError.UNKNOWN_HOST_TYPE.exception());
      }
      if (existing.status() == DomainStatus.DELETING) {
        return Future.failedFuture(DomainError.DELETED.exception());
      }
      if (existing.status() == target) {
        return Future.succeededFuture(WriteResult.UNCHANGED);
      }
      return conn.preparedQuery(Sql.UPDATE_STATUS).execute(Tuple.of(domain, (short) target.code()))
          .compose(x -> appendEvent(conn, domain));
    }));
  }

  @Override
  public Future<StoredDomain> find(String domain) {
    return read(() -> pool.preparedQuery(Sql.SELECT_DOMAIN).execute(Tuple.of(domain)).map(PgDomainStore::firstDomain));
  }

  @Override
  public Future<Map<String, StoredDomain>> findAll(Collection<String> domains) {
    return read(() -> pool.preparedQuery(Sql.SELECT_DOMAINS).execute(Tuple.of(domains.toArray(new String[0])))
        .map(rows -> {
          Map<String, StoredDomain> found = new HashMap<>();
          rows.forEach(row -> found.put(row.getString("domain"), toDomain(row)));
          return found;
        }));
  }

  @Override
  public Future<List<StoredDomain>> list(DomainQuery query, Collection<String> excluded) {
    Tuple args = Tuple.of(query.after().orElse(""), query.hostType().orElse(null),
        query.status().map(s -> (short) s.code()).orElse(null),
        excluded.toArray(new String[0]), query.limit());
    return read(() -> pool.preparedQuery(Sql.LIST_DOMAINS).execute(args).map(rows -> {
      List<StoredDomain> page = new ArrayList<>(rows.size());
      rows.forEach(row -> page.add(toDomain(row)));
      return page;
    }));
  }

  @Override
  public Future<Snapshot> loadEnabled(int pageSize, Consumer<List<StoredDomain>> sink) {
    return read(() -> loader.load(pageSize, sink));
  }

  @Override
  public Future<List<DomainEvent>> eventsAfter(long afterId, Collection<Long> alsoIds, int limit) {
    Tuple args = Tuple.of(afterId, alsoIds.toArray(new Long[0]), limit);
    return read(() -> pool.preparedQuery(Sql.EVENTS_AFTER).execute(args).map(rows -> {
      List<DomainEvent> events = new ArrayList<>(rows.size());
      for (Row row : rows) {
        StoredDomain current = row.getString("host_type") == null ? null
            : new StoredDomain(row.getString("domain"), row.getString("host_type"),
                DomainStatus.ofStoredCode(row.getShort("status")));
        events.add(new DomainEvent(row.getLong("id"), row.getString("domain"), current));
      }
      return events;
    }));
  }

  @Override
  public Future<GapFill> fillGap(long eventId, boolean fromSnapshot) {
    return read(() -> new PgGapFiller(pool).fill(eventId, fromSnapshot));
  }

  @Override
  public Future<Integer> cleanEvents(Duration maxAge, long upTo) {
    return read(() -> pool.preparedQuery(Sql.CLEAN_EVENTS).execute(Tuple.of((double) maxAge.toSeconds(), upTo))
        .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getLong("deleted").intValue()));
  }

  @Override
  public Future<EventBounds> eventBounds() {
    return read(() -> pool.query(Sql.EVENT_BOUNDS).execute().map(rows -> {
      Row row = rows.iterator().next();
      return new EventBounds(row.getLong("min_id"), row.getLong("max_id"), row.getLong("cleaned_through"));
    }));
  }

  @Override
  public Future<String> findAdminPassword(String domain) {
    return read(() -> pool.preparedQuery(Sql.SELECT_ADMIN).execute(Tuple.of(domain))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("pass_details")));
  }

  @Override
  public Future<Boolean> setAdminPassword(String domain, String passDetails, boolean staticDomain) {
    return read(() -> pool.preparedQuery(Sql.UPSERT_ADMIN).execute(Tuple.of(domain, passDetails, staticDomain))
        .map(rows -> rows.rowCount() == 1));
  }

  @Override
  public Future<Boolean> deleteAdminPassword(String domain) {
    return read(() -> pool.preparedQuery(Sql.DELETE_ADMIN).execute(Tuple.of(domain)).map(rows -> rows.rowCount() == 1));
  }

  private Future<WriteResult> write(Function<SqlConnection, Future<WriteResult>> work) {
    return gate.transaction(work);
  }

  private <T> Future<T> read(Supplier<Future<T>> query) {
    return gate.run(unused -> query.get());
  }

  private static Future<WriteResult> appendEvent(SqlConnection conn, String domain) {
    return conn.preparedQuery(Sql.INSERT_EVENT).execute(Tuple.of(domain))
        .map(rows -> new WriteResult(rows.iterator().next().getLong("id")));
  }

  private static Future<StoredDomain> selectForUpdate(SqlConnection conn, String domain) {
    return conn.preparedQuery(Sql.SELECT_DOMAIN_FOR_UPDATE).execute(Tuple.of(domain)).map(PgDomainStore::firstDomain);
  }

  private static StoredDomain firstDomain(RowSet<Row> rows) {
    return rows.size() == 0 ? null : toDomain(rows.iterator().next());
  }

  static StoredDomain toDomain(Row row) {
    return new StoredDomain(row.getString("domain"), row.getString("host_type"),
        DomainStatus.ofStoredCode(row.getShort("status")));
  }
}
