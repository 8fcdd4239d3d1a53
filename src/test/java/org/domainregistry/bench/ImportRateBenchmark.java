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
 * PostgreSQL, from sending to the summary line (every domain in the node's registry), against its
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
    StringBuilder body = new StringBuilder(domains * 50);
    for (int i = 0; i < domains; i++) {
      body.append("{\"domain\":\"d").append(i).append(".example.com\",\"host_type\":\"type").append(1 + i % 2)
          .append("\"}\n");
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/domains/import"))
        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    long start = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofLines());
    String last = response.body().reduce((a, b) -> b).orElseThrow();
    double seconds = (System.nanoTime() - start) / 1e9;
    JsonObject summary = new JsonObject(last).getJsonObject("summary");
    if (summary.getInteger("created") != domains || node.registry().dynamicSize() != domains) {
      throw new IllegalStateException("import incomplete: " + last + ", registry " + node.registry().dynamicSize());
    }
    double rate = domains / seconds;
    System.out.printf("import of %d domains over HTTP (batches of %d): %.2f s, %.0f domains/s; "
        + "ceiling (same multi-row inserts on the pool, no HTTP): %.0f domains/s; ratio %.2f%n",
        domains, batch, seconds, rate, ceiling, rate / ceiling);
    Await.result(node.stop());
    System.exit(0);
  }

  /** Domains per second of the bare batches on a freshly migrated database. */
  @SuppressWarnings("unchecked")
  private static double ceiling(int domains, int batch) {
    Vertx vertx = Vertx.vertx();
    DatabaseVerticle database = new DatabaseVerticle(TestDatabase.createDatabase(), 4, 1, event -> { });
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
