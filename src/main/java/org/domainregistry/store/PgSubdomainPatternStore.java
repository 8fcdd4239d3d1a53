package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.domainregistry.registry.SubdomainPattern;

/** {@link SubdomainPatternStore} on PostgreSQL. */
final class PgSubdomainPatternStore implements SubdomainPatternStore {
  private final PgGate gate;

  PgSubdomainPatternStore(PgGate gate) {
    this.gate = gate;
  }

  @Override
  public Future<Void> register(SubdomainPattern pattern) {
    Tuple args = Tuple.of(pattern.pattern(), pattern.hostTypes().toArray(new String[0]), pattern.owner());
    return gate.run(pool -> pool.preparedQuery(Sql.UPSERT_PATTERN).execute(args).mapEmpty());
  }

  @Override
  public Future<Boolean> unregister(String pattern) {
    return gate.run(pool -> pool.preparedQuery(Sql.DELETE_PATTERN).execute(Tuple.of(pattern))
        .map(rows -> rows.rowCount() == 1));
  }

  @Override
  public Future<List<SubdomainPattern>> patterns() {
    return gate.run(pool -> pool.query(Sql.SELECT_PATTERNS).execute().map(rows -> {
      List<SubdomainPattern> patterns = new ArrayList<>(rows.size());
      for (Row row : rows) {
        patterns.add(SubdomainPattern.parse(row.getString("pattern"),
            Arrays.asList(row.getArrayOfStrings("host_types")), row.getString("owner")));
      }
      return patterns;
    }));
  }
}
