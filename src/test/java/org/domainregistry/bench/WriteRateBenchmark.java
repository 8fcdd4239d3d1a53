package org.domainregistry.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.domainregistry.node.Node;
import org.domainregistry.store.DatabaseVerticle;
import org.domainregistry.store.DomainStore;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;

/**
 * {@code PUT /api/domains/{new}} with C concurrent clients (default 32) over real HTTP into one node
 * on real PostgreSQL, each acknowledged write checked in the node's registry at once
 * (read-your-writes), against its ceiling in the same run: the store's insert transaction (the
 * two inserts) run by as many concurrent callers straight on a pool of the node's size, no HTTP,
 * no checks, no audit, no wait for the poll. Prints writes/s, p50/p99 and the ratio. Arguments:
 * number of writes (default 20 000), clients.
 */
public final class WriteRateBenchmark {
  private WriteRateBenchmark() {}

  public static void main(String[] args) {
    int writes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int poolSize = 8;
    Result ceiling = storeCeiling(clients, writes, poolSize);

    String url = TestDatabase.createDatabase();
    System.out.println("PostgreSQL fsync: " + fsync(url));
    Node node = TestNodes.start(TestNodes.config(url, Map.of("db", Map.of("url", url, "pool_size", poolSize))));
    Vertx clientVertx = Vertx.vertx();
    WebClient client = WebClient.create(clientVertx, new WebClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(clients));
    IntFunction<Future<Void>> put = prefixedPut(client, node, "w");
    run(clients, writes / 5, put);
    Result measured = run(clients, writes, prefixedPut(client, node, "d"));
    System.out.printf("PUT /api/domains/{new}, %d clients, %d writes: %.0f writes/s, p50 %.2f ms, p99 %.2f ms, "
        + "max %.2f ms; ceiling (the insert transaction on a pool of %d, %d callers, no HTTP): %.0f writes/s, "
        + "p50 %.2f ms, p99 %.2f ms; ratio %.2f%n", clients, writes, measured.rate(), measured.ms(0.5),
        measured.ms(0.99), measured.ms(1.0), poolSize, clients, ceiling.rate(), ceiling.ms(0.5), ceiling.ms(0.99),
        measured.rate() / ceiling.rate());
    Await.result(node.stop());
    System.exit(0);
  }

  /** The store's insert alone on a fresh database: {@code clients} callers on a pool of {@code poolSize}. */
  static Result storeCeiling(int clients, int writes, int poolSize) {
    Vertx vertx = Vertx.vertx();
    DatabaseVerticle database = new DatabaseVerticle(TestDatabase.createDatabase(), poolSize, 1, 5000, event -> { });
    Await.result(vertx.deployVerticle(database));
    DomainStore store = database.store();
    run(clients, writes / 5, i -> store.insert("warm" + i + ".example.com", "type1").mapEmpty());
    Result ceiling = run(clients, writes, i -> store.insert("c" + i + ".example.com", "type1").mapEmpty());
    Await.result(vertx.close());
    return ceiling;
  }

  private static String fsync(String url) {
    try (var connection = TestDatabase.jdbc(url); var rows = connection.createStatement().executeQuery("SHOW fsync")) {
      return rows.next() ? rows.getString(1) : "?";
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PUT of a new domain {@code prefix<i>.bench}, failing unless answered 2xx and then in the registry. */
  static IntFunction<Future<Void>> prefixedPut(WebClient client, Node node, String prefix) {
    Buffer body = Buffer.buffer("{\"host_type\":\"type1\"}");
    return i -> {
      String domain = prefix + i + ".bench";
      return client.request(HttpMethod.PUT, node.httpPort(), "127.0.0.1", "/api/domains/" + domain)
          .putHeader("Content-Type", "application/json").sendBuffer(body).compose(response -> {
            if (response.statusCode() / 100 != 2) {
              return Future.failedFuture("PUT " + domain + ": " + response.statusCode() + " " + response.bodyAsString());
            }
            if (!"type1".equals(node.registry().hostTypeOf(domain))) {
              return Future.failedFuture("read-your-writes broken for " + domain);
            }
            return Future.succeededFuture();
          });
    };
  }

  /** Latencies in nanoseconds, sorted, and writes per second. */
  record Result(long[] sorted, double rate) {
    double ms(double quantile) {
      return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
    }
  }

  /** Runs {@code count} operations, {@code clients} at a time, each client starting its next when one ends. */
  static Result run(int clients, int count, IntFunction<Future<Void>> operation) {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Promise<Void> lane = Promise.promise();
      step(next, count, operation, latencies, lane);
      lanes.add(lane.future());
    }
    Await.result(Future.all(lanes));
    double rate = count / ((System.nanoTime() - start) / 1e9);
    Arrays.sort(latencies);
    return new Result(latencies, rate);
  }

  private static void step(AtomicInteger next, int count, IntFunction<Future<Void>> operation, long[] latencies,
                           Promise<Void> lane) {
    int i = next.getAndIncrement();
    if (i >= count) {
      lane.tryComplete();
      return;
    }
    long start = System.nanoTime();
    operation.apply(i).onComplete(done -> {
      if (done.failed()) {
        lane.tryFail(done.cause());
        return;
      }
      latencies[i] = System.nanoTime() - start;
      step(next, count, operation, latencies, lane);
    });
  }
}
