package org.domainregistry.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestNodes;

/**
 * HTTP lookup throughput (issue 13, target 1): wrk ({@code -t2 -c64}, random domains of N) on a
 * node's {@code GET /api/lookup/{domain}} and, in the same JVM and run, on its ceiling: a bare
 * Vert.x Web route over a {@code HashMap} of the same domains on one HTTP server instance, as the
 * node has. Rounds alternate bare and node; prints each, its ratio, the medians and the median ratio. The node
 * logs as shipped (main {@code logback.xml}, access log on) to {@code target/bench-node.log}.
 * Arguments: domains (default 1 000 000), seconds per round (10), rounds (3).
 */
public final class LookupBenchmark {
  private LookupBenchmark() {}

  public static void main(String[] args) throws IOException {
    int domains = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    PrintStream out = System.out;
    System.setOut(new PrintStream(new FileOutputStream("target/bench-node.log"), true));
    Node node = TestNodes.start(TestNodes.config(BenchDatabase.create(domains),
        Map.of("sync", Map.of("page_size", 10_000))));
    Vertx bareVertx = Vertx.vertx();
    HttpServer bare = bareRoute(bareVertx, domains);
    Wrk wrk = new Wrk("/api/lookup/d", domains, ".example.com", 2, 64);
    out.printf("HTTP lookup over %,d domains, wrk -t2 -c64, %d s rounds (warm-up round first)%n", domains, seconds);
    wrk.run(bare.actualPort(), Math.max(3, seconds / 2));
    wrk.run(node.httpPort(), Math.max(3, seconds / 2));
    List<Wrk.Result> ceiling = new ArrayList<>();
    List<Wrk.Result> measured = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      ceiling.add(wrk.run(bare.actualPort(), seconds));
      measured.add(wrk.run(node.httpPort(), seconds));
      ratios.add(measured.get(round - 1).perSecond() / ceiling.get(round - 1).perSecond());
      out.printf("round %d: bare route %s | node %s | ratio %.2f%n", round, ceiling.get(round - 1),
          measured.get(round - 1), ratios.get(round - 1));
    }
    ratios.sort(null);
    Wrk.Result bareMedian = median(ceiling);
    Wrk.Result nodeMedian = median(measured);
    out.printf("median: node %s; ceiling (bare route) %s; median of the rounds' ratios %.2f"
        + " (target >= 0.85, p99 <= 5 ms)%n", nodeMedian, bareMedian, ratios.get(ratios.size() / 2));
    Await.result(bareVertx.close());
    Await.result(node.stop());
    System.exit(0);
  }

  /** The ceiling: a Vert.x Web route answering the same JSON from a plain map. */
  private static HttpServer bareRoute(Vertx vertx, int domains) {
    Map<String, String> hostTypes = new HashMap<>(domains * 2);
    for (int i = 1; i <= domains; i++) {
      hostTypes.put(BenchDatabase.name(i), BenchDatabase.hostType(i));
    }
    Router router = Router.router(vertx);
    router.get("/api/lookup/:domain").handler(ctx -> {
      String domain = ctx.pathParam("domain");
      String hostType = hostTypes.get(domain);
      if (hostType == null) {
        ctx.response().setStatusCode(404).end();
      } else {
        ctx.json(new JsonObject().put("domain", domain).put("host_type", hostType).put("source", "dynamic"));
      }
    });
    return Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
  }

  /** The result of median throughput. */
  static Wrk.Result median(List<Wrk.Result> results) {
    List<Wrk.Result> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
    return sorted.get(sorted.size() / 2);
  }
}
