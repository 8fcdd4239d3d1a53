package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainStatus;

/** {@link RemovalStore} on PostgreSQL. */
final class PgRemovalStore implements RemovalStore {
  private final PgGate gate;

  PgRemovalStore(PgGate gate) {
    this.gate = gate;
  }

  @Override
  public Future<RemovalStart> start(String domain, String hostType, String claimant, Duration lease) {
    return gate.transaction(conn -> DomainRows.lock(conn, domain).compose(existing -> {
      if (existing == null) {
        return Future.succeededFuture(RemovalStart.ABSENT);
      }
      if (!existing.hostType().equals(hostType)) {
        return Future.failedFuture(DomainError.WRONG_HOST_TYPE.exception());
      }
      return markDeleting(conn, existing)
          .compose(mark -> conn.preparedQuery(Sql.DELETE_ADMIN).execute(Tuple.of(domain))
              .compose(x -> claimant == null ? queue(conn, domain, hostType, mark)
                  : claim(conn, domain, hostType, claimant, lease, mark)));
    }));
  }

  private static Future<WriteResult> markDeleting(SqlConnection conn, StoredDomain existing) {
    return existing.status() == DomainStatus.DELETING ? Future.succeededFuture(WriteResult.UNCHANGED)
        : DomainRows.setStatus(conn, existing.domain(), DomainStatus.DELETING);
  }

  private static Future<RemovalStart> queue(SqlConnection conn, String domain, String hostType, WriteResult mark) {
    return conn.preparedQuery(Sql.QUEUE_JOB).execute(Tuple.of(domain, hostType))
        .map(rows -> new RemovalStart(RemovalStart.Outcome.QUEUED, mark, firstJob(rows).orElseThrow()));
  }

  private static Future<RemovalStart> claim(SqlConnection conn, String domain, String hostType, String claimant,
                                            Duration lease, WriteResult mark) {
    return conn.preparedQuery(Sql.CLAIM_NEW_JOB).execute(Tuple.of(domain, hostType, claimant, seconds(lease)))
        .compose(rows -> rows.size() == 1
            ? Future.succeededFuture(new RemovalStart(RemovalStart.Outcome.CLAIMED, mark, firstJob(rows).get()))
            : conn.preparedQuery(Sql.SELECT_JOB).execute(Tuple.of(domain))
                .map(held -> new RemovalStart(RemovalStart.Outcome.BUSY, mark, firstJob(held).orElseThrow())));
  }

  @Override
  public Future<Optional<RemovalJob>> claimDue(String claimant, Duration lease) {
    return gate.run(pool -> pool.preparedQuery(Sql.CLAIM_DUE_JOB).execute(Tuple.of(claimant, seconds(lease)))
        .map(PgRemovalStore::firstJob));
  }

  @Override
  public Future<Boolean> renew(String domain, String claimant, Duration lease) {
    return gate.run(pool -> pool.preparedQuery(Sql.RENEW_LEASE).execute(Tuple.of(domain, claimant, seconds(lease)))
        .map(rows -> rows.rowCount() == 1));
  }

  @Override
  public Future<Integer> releaseNodeLeases(String nodeId) {
    return gate.run(pool -> pool.preparedQuery(Sql.RELEASE_NODE_LEASES).execute(Tuple.of(nodeId))
        .map(rows -> rows.rowCount()));
  }

  @Override
  public Future<Optional<WriteResult>> finish(String domain, String claimant) {
    return gate.transaction(conn -> DomainRows.lock(conn, domain)
        .compose(existing -> conn.preparedQuery(Sql.DELETE_OWNED_JOB).execute(Tuple.of(domain, claimant))
            .compose(deleted -> {
              if (deleted.rowCount() == 0) {
                return Future.succeededFuture(Optional.<WriteResult>empty());
              }
              if (existing == null || existing.status() != DomainStatus.DELETING) {
                return Future.succeededFuture(Optional.of(WriteResult.UNCHANGED));
              }
              return DomainRows.delete(conn, domain).map(Optional::of);
            })));
  }

  @Override
  public Future<Optional<RemovalJob>> recordFailure(String domain, String claimant, String error,
                                                    Duration retryBase, Duration retryMax) {
    Tuple args = Tuple.of(domain, claimant, error, seconds(retryBase), seconds(retryMax));
    return gate.run(pool -> pool.preparedQuery(Sql.RECORD_JOB_FAILURE).execute(args).map(PgRemovalStore::firstJob));
  }

  @Override
  public Future<Optional<RemovalJob>> find(String domain) {
    return gate.run(pool -> pool.preparedQuery(Sql.SELECT_JOB).execute(Tuple.of(domain)).map(PgRemovalStore::firstJob));
  }

  @Override
  public Future<Void> recordProgress(String domain, String claimant, int handlersDone, int handlersTotal) {
    return gate.run(pool -> pool.preparedQuery(Sql.RECORD_JOB_PROGRESS)
        .execute(Tuple.of(domain, claimant, handlersDone, handlersTotal)).mapEmpty());
  }

  @Override
  public Future<List<RemovalJob>> list(int limit) {
    return gate.run(pool -> pool.preparedQuery(Sql.LIST_JOBS).execute(Tuple.of(limit)).map(rows -> {
      List<RemovalJob> jobs = new ArrayList<>(rows.size());
      rows.forEach(row -> jobs.add(job(row)));
      return jobs;
    }));
  }

  private static Optional<RemovalJob> firstJob(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(job(rows.iterator().next()));
  }

  private static RemovalJob job(Row row) {
    return new RemovalJob(row.getString("domain"), row.getString("host_type"), row.getInteger("attempts"),
        row.getString("last_error"), row.getOffsetDateTime("next_attempt_at").toInstant(),
        row.getString("locked_by"), row.getBoolean("running"), row.getInteger("handlers_done"),
        row.getInteger("handlers_total"));
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
