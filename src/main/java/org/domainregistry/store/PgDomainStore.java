package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainStatus;

/** {@link DomainStore} on PostgreSQL through the reactive PG client. */
public final class PgDomainStore implements DomainStore {
  private final PgGate gate;
  private final PgSnapshotLoader loader;
  private final PgGapFiller gapFiller;

  /** A store on this pool, closed until {@link #markSchemaReady()}. */
  public PgDomainStore(Pool pool) {
    this(new PgGate(pool));
  }

  PgDomainStore(PgGate gate) {
    this.gate = gate;
    this.loader = new PgSnapshotLoader();
    this.gapFiller = new PgGapFiller();
  }

  /** Opens the store for use once the schema is migrated; until then every call is {@code db_unavailable}. */
  public void markSchemaReady() {
    gate.open();
  }

  @Override
  public Future<WriteResult> insert(String domain, String hostType) {
    return gate.statement(pool -> pool.preparedQuery(Sql.INSERT_DOMAIN_WITH_EVENT).execute(Tuple.of(domain, hostType)))
        .compose(rows -> rows.size() == 1 ? Future.succeededFuture(new WriteResult(rows.iterator().next().getLong("id")))
            : insertOverExisting(domain, hostType));
  }

  /** The insert of a domain found existing: unchanged when it is the same, else the conflict. */
  private Future<WriteResult> insertOverExisting(String domain, String hostType) {
    return gate.transaction(conn -> conn.preparedQuery(Sql.INSERT_DOMAIN).execute(Tuple.of(domain, hostType))
        .compose(rows -> rows.rowCount() == 1
            ? DomainRows.appendEvent(conn, domain)
            : DomainRows.lock(conn, domain).map(existing -> {
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
  public Future<WriteResult> setEnabled(String domain, boolean enabled, Predicate<String> allowedHostType) {
    DomainStatus target = enabled ? DomainStatus.ENABLED : DomainStatus.DISABLED;
    return gate.transaction(conn -> DomainRows.lock(conn, domain).compose(existing -> {
      if (existing == null) {
        return Future.failedFuture(DomainError.NOT_FOUND.exception());
      }
      if (!allowedHostType.test(existing.hostType())) {
        return Future.failedFuture(DomainError.UNKNOWN_HOST_TYPE.exception());
      }
      if (existing.status() == DomainStatus.DELETING) {
        return Future.failedFuture(DomainError.DELETED.exception());
      }
      return existing.status() == target ? Future.succeededFuture(WriteResult.UNCHANGED)
          : DomainRows.setStatus(conn, domain, target);
    }));
  }

  @Override
  public Future<StoredDomain> find(String domain) {
    return gate.run(pool -> pool.preparedQuery(Sql.SELECT_DOMAIN).execute(Tuple.of(domain)).map(DomainRows::first));
  }

  @Override
  public Future<Map<String, StoredDomain>> findAll(Collection<String> domains) {
    return gate.run(pool -> pool.preparedQuery(Sql.SELECT_DOMAINS).execute(Tuple.of(domains.toArray(new String[0])))
        .map(rows -> {
          Map<String, StoredDomain> found = new HashMap<>();
          rows.forEach(row -> found.put(row.getString("domain"), DomainRows.toDomain(row)));
          return found;
        }));
  }

  @Override
  public Future<List<StoredDomain>> list(DomainQuery query, Collection<String> excluded) {
    Tuple args = Tuple.of(query.after().orElse(""), query.hostType().orElse(null),
        query.status().map(s -> (short) s.code()).orElse(null),
        excluded.toArray(new String[0]), query.limit(), query.prefixStart(), query.prefixEnd());
    return gate.run(pool -> pool.preparedQuery(Sql.LIST_DOMAINS).execute(args).map(rows -> {
      List<StoredDomain> page = new ArrayList<>(rows.size());
      rows.forEach(row -> page.add(DomainRows.toDomain(row)));
      return page;
    }));
  }

  @Override
  public Future<Snapshot> loadEnabled(int pageSize, long windowAtMost, Consumer<List<StoredDomain>> sink) {
    return gate.run(pool -> loader.load(pool, pageSize, windowAtMost, sink));
  }

  @Override
  public Future<List<DomainEvent>> eventsAfter(long afterId, List<IdRange> alsoIds, int limit) {
    Long[] from = alsoIds.stream().map(IdRange::from).toArray(Long[]::new);
    Long[] to = alsoIds.stream().map(IdRange::to).toArray(Long[]::new);
    Tuple args = Tuple.of(afterId, from, to, limit);
    return gate.run(pool -> pool.preparedQuery(Sql.EVENTS_AFTER).execute(args).map(rows -> {
      List<DomainEvent> events = new ArrayList<>(rows.size());
      for (Row row : rows) {
        StoredDomain current = row.getString("host_type") == null ? null : DomainRows.toDomain(row);
        events.add(new DomainEvent(row.getLong("id"), row.getString("domain"), current));
      }
      return events;
    }));
  }

  @Override
  public Future<GapFill> fillGap(long eventId, boolean fromSnapshot) {
    return gate.run(pool -> gapFiller.fill(pool, eventId, fromSnapshot));
  }

  @Override
  public Future<Integer> cleanEvents(Duration maxAge, long upTo) {
    return gate.run(pool -> pool.preparedQuery(Sql.CLEAN_EVENTS).execute(Tuple.of((double) maxAge.toSeconds(), upTo))
        .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getLong("deleted").intValue()));
  }

  @Override
  public Future<EventBounds> eventBounds() {
    return gate.run(PgEventBounds::read);
  }

  @Override
  public Future<String> findAdminPassword(String domain) {
    return gate.run(pool -> pool.preparedQuery(Sql.SELECT_ADMIN).execute(Tuple.of(domain))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("pass_details")));
  }

  @Override
  public Future<Boolean> setAdminPassword(String domain, String passDetails, boolean staticDomain) {
    return gate.run(pool -> pool.preparedQuery(Sql.UPSERT_ADMIN).execute(Tuple.of(domain, passDetails, staticDomain))
        .map(rows -> rows.rowCount() == 1));
  }

  @Override
  public Future<Boolean> deleteAdminPassword(String domain) {
    return gate.run(pool -> pool.preparedQuery(Sql.DELETE_ADMIN).execute(Tuple.of(domain))
        .map(rows -> rows.rowCount() == 1));
  }
}
