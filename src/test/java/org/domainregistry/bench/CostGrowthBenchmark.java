package org.domainregistry.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestNodes;

/**
 * How the figures grow with the number of domains and of nodes (README "Benchmarks", cost growth),
 * each beside its ceiling in the same run:
 * <ul>
 *   <li>per domain count: the registry's heap per domain (a {@code ConcurrentHashMap} with its
 *   strings), one thread's lookup (a bare {@code ConcurrentHashMap.get}), and an in-process node's
 *   start to ready over a PostgreSQL holding that many enabled domains ({@link BareLoad} reading
 *   the same rows into a {@code HashMap} in the same JVM);</li>
 *   <li>per cluster size (nodes in one JVM, real Hazelcast over loopback, each holding the same
 *   domains): sequential inserts on node 0 from start to visible on every node, and {@value #CLIENTS}
 *   concurrent {@code PUT}s on node 0 with read-your-writes checked (the store's insert alone on a
 *   pool, as in {@link WriteRateBenchmark}).</li>
 * </ul>
 * Arguments: domain counts (default {@code 1000,100000,1000000,10000000}), node counts
 * ({@code 1,3,5}), domains held during the cluster runs ({@code 100000}).
 */
public final class CostGrowthBenchmark {
  private static final int CLIENTS = 32;
  private static final int WRITES = 5000;
  private static final int PROPAGATION_WRITES = 1000;

  private CostGrowthBenchmark() {}

  public static void main(String[] args) {
    int[] domainCounts = ints(args.length > 0 ? args[0] : "1000,100000,1000000,10000000");
    int[] nodeCounts = ints(args.length > 1 ? args[1] : "1,3,5");
    int held = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    RegistryMemoryFootprint.registry(1000); // the first names loaded the IDNA tables: a one-time cost, not the registry's
    List<String> rows = new ArrayList<>();
    rows.add("| domains | registry heap, B/domain (map) | lookup, ns (map.get) | node start to ready, ms (bare load) |");
    rows.add("|---|---|---|---|");
    for (int domains : domainCounts) {
      rows.add(domainRow(domains));
      System.out.println(rows.get(rows.size() - 1));
    }
    WriteRateBenchmark.Result ceiling = WriteRateBenchmark.storeCeiling(CLIENTS, WRITES, 8);
    rows.add("");
    rows.add("| nodes (" + held + " domains) | insert start to visible on all, p50 / p99 ms | PUTs/s, "
        + CLIENTS + " clients (store ceiling " + Math.round(ceiling.rate()) + "/s) | PUT p50 / p99 ms |");
    rows.add("|---|---|---|---|");
    for (int nodes : nodeCounts) {
      rows.add(nodeRow(nodes, held, ceiling));
      System.out.println(rows.get(rows.size() - 1));
    }
    System.out.println();
    rows.forEach(System.out::println);
    System.exit(0);
  }

  private static String domainRow(int domains) {
    double registryBytes = RegistryMemoryFootprint.registry(domains);
    double mapBytes = RegistryMemoryFootprint.plainMap(domains);
    double[] lookupNs = RegistryMemoryFootprint.lookupNanos(RegistryMemoryFootprint.filled(domains), domains);
    String db = BenchDatabase.create(domains);
    int rounds = domains >= 10_000_000 ? 1 : 3;
    long[] ready = new long[rounds];
    long[] bare = new long[rounds];
    Vertx vertx = Vertx.vertx();
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      int loaded = BareLoad.load(vertx, db).toCompletionStage().toCompletableFuture().join();
      bare[round] = (System.nanoTime() - start) / 1_000_000;
      start = System.nanoTime();
      Node node = Node.start(TestNodes.config(db, Map.of())).toCompletionStage().toCompletableFuture().join();
      ready[round] = (System.nanoTime() - start) / 1_000_000;
      if (loaded != domains || node.registry().dynamicSize() != domains) {
        throw new IllegalStateException("loaded " + loaded + " and " + node.registry().dynamicSize() + " of " + domains);
      }
      Await.result(node.stop());
    }
    Await.result(vertx.close());
    long readyMs = median(ready);
    long bareMs = median(bare);
    return String.format("| %,d | %.1f (%.1f), ratio %.2f | %.0f (%.0f), ratio %.2f | %,d (%,d), ratio %.2f |", domains,
        registryBytes, mapBytes, mapBytes / registryBytes, lookupNs[1], lookupNs[0], lookupNs[0] / lookupNs[1],
        readyMs, bareMs, (double) bareMs / readyMs);
  }

  private static String nodeRow(int nodes, int held, WriteRateBenchmark.Result ceiling) {
    try (TestCluster cluster = new TestCluster(BenchDatabase.create(held), nodes).start(Map.of())) {
      PropagationBenchmark.Samples propagation = PropagationBenchmark.measure(cluster.nodes(), PROPAGATION_WRITES);
      Vertx clientVertx = Vertx.vertx();
      WebClient client = WebClient.create(clientVertx, new WebClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(CLIENTS));
      Node writer = cluster.node(0);
      WriteRateBenchmark.run(CLIENTS, WRITES / 5, WriteRateBenchmark.prefixedPut(client, writer, "w"));
      WriteRateBenchmark.Result puts = WriteRateBenchmark.run(CLIENTS, WRITES,
          WriteRateBenchmark.prefixedPut(client, writer, "d"));
      Await.result(clientVertx.close());
      return String.format("| %d | %.2f / %.2f | %.0f, ratio %.2f | %.1f / %.1f |", nodes,
          PropagationBenchmark.ms(propagation.fromStart(), 0.5), PropagationBenchmark.ms(propagation.fromStart(), 0.99),
          puts.rate(), puts.rate() / ceiling.rate(), puts.ms(0.5), puts.ms(0.99));
    }
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
