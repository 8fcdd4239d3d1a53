package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link CleanupHandlerStore} on PostgreSQL. */
final class PgCleanupHandlerStore implements CleanupHandlerStore {
  private final PgGate gate;

  PgCleanupHandlerStore(PgGate gate) {
    this.gate = gate;
  }

  @Override
  public Future<Boolean> register(CleanupHandler handler) {
    Tuple args = Tuple.of(handler.name(), handler.hostTypes().toArray(new String[0]), handler.priority(),
        handler.address());
    return gate.run(pool -> pool.preparedQuery(Sql.UPSERT_HANDLER).execute(args)
        .map(rows -> rows.iterator().next().getBoolean("added")));
  }

  @Override
  public Future<Boolean> unregister(String name) {
    return gate.run(pool -> pool.preparedQuery(Sql.DELETE_HANDLER).execute(Tuple.of(name))
        .map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Boolean> unregister(String name, String address) {
    return gate.run(pool -> pool.preparedQuery(Sql.DELETE_HANDLER_AT).execute(Tuple.of(name, address))
        .map(rows -> rows.rowCount() == 1));
  }

  @Override
  public Future<List<String>> expire(Duration timeout) {
    return gate.run(pool -> pool.preparedQuery(Sql.EXPIRE_HANDLERS).execute(Tuple.of(timeout.toMillis() / 1000.0))
        .map(rows -> {
          List<String> expired = new ArrayList<>(rows.size());
          rows.forEach(row -> expired.add(row.getString("name") + " at " + row.getString("address")));
          return expired;
        }));
  }

  @Override
  public Future<List<CleanupHandler>> handlers(Optional<String> hostType) {
    return gate.run(pool -> pool.preparedQuery(Sql.SELECT_HANDLERS).execute(Tuple.of(hostType.orElse(null)))
        .map(rows -> {
          List<CleanupHandler> handlers = new ArrayList<>(rows.size());
          for (Row row : rows) {
            handlers.add(new CleanupHandler(row.getString("name"), Arrays.asList(row.getArrayOfStrings("host_types")),
                row.getInteger("priority"), row.getString("address")));
          }
          return handlers;
        }));
  }
}
