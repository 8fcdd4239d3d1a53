package org.domainregistry.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;

/**
 * A node's initial load of N enabled domains (default 1 000 000) from real PostgreSQL: the time
 * from start to ready and the heap the loaded node holds. Arguments: number of domains.
 */
public final class InitialLoadBenchmark {
  private InitialLoadBenchmark() {}

  public static void main(String[] args) {
    int domains = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String db = TestDatabase.createDatabase();
    TestNodes.start(TestNodes.config(db, Map.of())).stop().toCompletionStage().toCompletableFuture().join();
    TestDatabase.execute(db, "INSERT INTO domain_settings (domain, host_type) SELECT 'domain' || g || '.example.com', "
        + "'type' || (1 + g % 2) FROM generate_series(1, " + domains + ") g", "VACUUM ANALYZE domain_settings");
    long heapBefore = usedHeap();
    long start = System.nanoTime();
    Node node = TestNodes.start(TestNodes.config(db, Map.of("sync", Map.of("page_size", 10_000))));
    long millis = (System.nanoTime() - start) / 1_000_000;
    long heapAfter = usedHeap();
    System.out.printf("initial load of %d domains: node ready in %d ms; registry holds %d; heap +%.1f MB (%.1f B/domain)%n",
        domains, millis, node.registry().dynamicSize(), (heapAfter - heapBefore) / 1e6,
        (heapAfter - heapBefore) / (double) domains);
    Await.result(node.stop());
    System.exit(0);
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
