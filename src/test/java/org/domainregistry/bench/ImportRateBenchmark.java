package org.domainregistry.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.store.BulkStore;
import org.domainregistry.store.DatabaseVerticle;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;

/**
 * {@code POST /api/domains/import} of N domains (default 100 000) over real HTTP into a node on real
 * PostgreSQL, from sending to the summary line (every domain in the node's registry), into a node
 * that has already imported a fifth as many (a running node, not a cold JVM), against its
 * ceiling in the same run: the same multi-row batches written straight on a pool, two at a time
 * as the import does, no HTTP, no checks, no audit. Arguments: number of domains, batch size.
 */
public final class ImportRateBenchmark {
  private ImportRateBenchmark() {}

  public static void main(String[] args) throws Exception {
    int domains = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    double ceiling = ceiling(domains, batch);
    Node node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(),
        Map.of("bulk", Map.of("batch_size", batch))));
    int warmUp = domains / 5;
    double cold = importAll(node, "w", warmUp);
    double seconds = importAll(node, "d", domains);
    if (node.registry().dynamicSize() != warmUp + domains) {
      throw new IllegalStateException("import incomplete: registry " + node.registry().dynamicSize());
    }
    double rate = domains / seconds;
    System.out.printf("import of %d domains over HTTP (batches of %d) into a running node: %.2f s, %.0f domains/s; "
        + "ceiling (same multi-row inserts on the pool, no HTTP): %.0f domains/s; ratio %.2f; "
        + "first import of %d domains into the fresh node: %.0f domains/s%n",
        domains, batch, seconds, rate, ceiling, rate / ceiling, warmUp, warmUp / cold);
    Await.result(node.stop());
    System.exit(0);
  }

  /** Seconds from sending {@code count} new domains named {@code prefix<i>.example.com} to the summary line. */
  private static double importAll(Node node, String prefix, int count) throws Exception {
    StringBuilder body = new StringBuilder(count * 50);
    for (int i = 0; i < count; i++) {
      body.append("{\"domain\":\"").append(prefix).append(i).append(".example.com\",\"host_type\":\"type")
          .append(1 + i % 2).append("\"}\n");
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/domains/import"))
        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    long start = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofLines());
    String last = response.body().reduce((a, b) -> b).orElseThrow();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (new JsonObject(last).getJsonObject("summary").getInteger("created") != count) {
      throw new IllegalStateException("import incomplete: " + last);
    }
    return seconds;
  }

  /** Domains per second of the bare batches on a freshly migrated database. */
  @SuppressWarnings("unchecked")
  private static double ceiling(int domains, int batch) {
    Vertx vertx = Vertx.vertx();
    DatabaseVerticle database = new DatabaseVerticle(TestDatabase.createDatabase(), 4, 1, 5000, event -> { });
    Await.result(vertx.deployVerticle(database));
    BulkStore store = database.bulk();
    long start = System.nanoTime();
    Future<Void>[] chains = new Future[] {Future.succeededFuture(), Future.succeededFuture()};
    for (int from = 0; from < domains; from += batch) {
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (int i = from; i < Math.min(domains, from + batch); i++) {
        names.add("d" + i + ".example.com");
        types.add("type" + (1 + i % 2));
      }
      int lane = (from / batch) % chains.length;
      chains[lane] = chains[lane].compose(x -> store.insertAll(names, types).mapEmpty());
    }
    Await.result(Future.all(chains[0], chains[1]));
    double rate = domains / ((System.nanoTime() - start) / 1e9);
    Await.result(vertx.close());
    return rate;
  }
}
