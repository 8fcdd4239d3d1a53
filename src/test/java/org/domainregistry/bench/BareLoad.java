package org.domainregistry.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * The ceiling of {@link StartupBenchmark} and of the ready figures of {@link CostGrowthBenchmark}:
 * every enabled domain read with the reactive PG client into a {@code HashMap}, through one cursor
 * fetching {@value #FETCH} rows at a time as the node's initial load does (a single query holding
 * every row before the first is used is slower than the node at 10 000 000 domains). As a main: a
 * JVM that does that once and exits. Argument: the database URL.
 */
public final class BareLoad {
  private static final int FETCH = 5000;

  private BareLoad() {}

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    // No deadline of Await's 30 s: at 10 000 000 domains the load takes longer.
    int count = load(vertx, args[0]).toCompletionStage().toCompletableFuture().join();
    System.out.printf("bare load: %,d domains%n", count);
    System.exit(0);
  }

  /** Reads every enabled domain of the database at {@code url} into a map; its size. */
  static Future<Integer> load(Vertx vertx, String url) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url))
        .with(new PoolOptions().setMaxSize(1)).using(vertx).build();
    Map<String, String> domains = new HashMap<>();
    return pool.withTransaction(conn -> conn.prepare("SELECT domain, host_type FROM domain_settings WHERE status = 1")
        .compose(statement -> {
          Promise<Integer> read = Promise.promise();
          statement.createStream(FETCH)
              .exceptionHandler(read::tryFail)
              .endHandler(end -> read.tryComplete(domains.size()))
              .handler(row -> domains.put(row.getString(0), row.getString(1)));
          return read.future();
        })).eventually(pool::close);
  }
}
