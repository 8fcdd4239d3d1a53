package org.domainregistry.bench;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * The ceiling of {@link StartupBenchmark}: a JVM that reads every enabled domain with the reactive
 * PG client into a {@code HashMap} and exits. Argument: the database URL.
 */
public final class BareLoad {
  private BareLoad() {}

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(args[0]))
        .with(new PoolOptions().setMaxSize(1)).using(vertx).build();
    Map<String, String> domains = new HashMap<>();
    // No deadline of Await's 30 s: at 10 000 000 domains one query of every row takes longer.
    pool.query("SELECT domain, host_type FROM domain_settings WHERE status = 1").execute()
        .map(rows -> {
          rows.forEach(row -> domains.put(row.getString(0), row.getString(1)));
          return domains.size();
        }).toCompletionStage().toCompletableFuture().join();
    System.out.printf("bare load: %,d domains%n", domains.size());
    System.exit(0);
  }
}
