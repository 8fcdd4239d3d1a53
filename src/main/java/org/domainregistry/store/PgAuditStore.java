package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AuditStore} on the {@code domain_audit} table. */
final class PgAuditStore implements AuditStore {
  private final PgGate gate;

  PgAuditStore(PgGate gate) {
    this.gate = gate;
  }

  @Override
  public Future<Void> appendAll(List<AuditRecord> records) {
    int n = records.size();
    String[][] text = new String[6][n];
    Long[] events = new Long[n];
    for (int i = 0; i < n; i++) {
      AuditRecord r = records.get(i);
      String[] row = {r.caller(), r.node(), r.operation(), r.domain(), r.hostType(), r.result()};
      for (int c = 0; c < 6; c++) {
        text[c][i] = row[c];
      }
      events[i] = r.eventId();
    }
    Tuple args = Tuple.tuple();
    for (String[] column : text) {
      args.addArrayOfString(column);
    }
    args.addArrayOfLong(events);
    return gate.run(pool -> pool.preparedQuery(Sql.INSERT_AUDITS).execute(args).mapEmpty());
  }

  @Override
  public Future<List<AuditRecord>> page(Optional<String> domain, Optional<String> caller, long afterId, int limit) {
    Tuple args = Tuple.of(afterId, domain.orElse(null), caller.orElse(null), limit);
    return gate.run(pool -> pool.preparedQuery(Sql.AUDIT_PAGE).execute(args).map(rows -> {
      List<AuditRecord> page = new ArrayList<>(rows.size());
      for (Row row : rows) {
        page.add(new AuditRecord(row.getLong("id"), row.getOffsetDateTime("at"), row.getString("caller"),
            row.getString("node"), row.getString("operation"), row.getString("domain"), row.getString("host_type"),
            row.getString("result"), row.getLong("event_id")));
      }
      return page;
    }));
  }

  @Override
  public Future<Integer> clean(Duration maxAge) {
    return gate.run(pool -> pool.preparedQuery(Sql.CLEAN_AUDIT).execute(Tuple.of((double) maxAge.toSeconds()))
        .map(rows -> rows.rowCount()));
  }
}
