package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.domainregistry.registry.DomainStatus;

/**
 * The statements on {@code domain_settings} that every store writes the same way, each change
 * with its {@code domain_events} row in the caller's transaction.
 */
final class DomainRows {
  private DomainRows() {}

  /** The domain's row, locked for the rest of the transaction, or null. */
  static Future<StoredDomain> lock(SqlConnection conn, String domain) {
    return conn.preparedQuery(Sql.SELECT_DOMAIN_FOR_UPDATE).execute(Tuple.of(domain)).map(DomainRows::first);
  }

  /** Sets the domain's status, with its event. */
  static Future<WriteResult> setStatus(SqlConnection conn, String domain, DomainStatus status) {
    return conn.preparedQuery(Sql.UPDATE_STATUS).execute(Tuple.of(domain, (short) status.code()))
        .compose(x -> appendEvent(conn, domain));
  }

  /** Deletes the domain and its admin password, with its event. */
  static Future<WriteResult> delete(SqlConnection conn, String domain) {
    return conn.preparedQuery(Sql.DELETE_ADMIN).execute(Tuple.of(domain))
        .compose(x -> conn.preparedQuery(Sql.DELETE_DOMAIN).execute(Tuple.of(domain)))
        .compose(x -> appendEvent(conn, domain));
  }

  /** Appends the event of a change of the domain. */
  static Future<WriteResult> appendEvent(SqlConnection conn, String domain) {
    return conn.preparedQuery(Sql.INSERT_EVENT).execute(Tuple.of(domain))
        .map(rows -> new WriteResult(rows.iterator().next().getLong("id")));
  }

  /** The first row as a domain, or null. */
  static StoredDomain first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : toDomain(rows.iterator().next());
  }

  /** A row with {@code domain, host_type, status} as a domain. */
  static StoredDomain toDomain(Row row) {
    return new StoredDomain(row.getString("domain"), row.getString("host_type"),
        DomainStatus.ofStoredCode(row.getShort("status")));
  }
}
