package org.domainregistry.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;

/**
 * Propagation time of a write to every node of a 3-node cluster (one JVM, real Hazelcast over
 * loopback, real PostgreSQL): from the start of the write on node 0 until all three in-memory
 * registries answer the new host type; also from the write's acknowledgement. Prints median, p90,
 * p99 and max in milliseconds. Arguments: number of writes (default 1000).
 */
public final class PropagationBenchmark {
  private PropagationBenchmark() {}

  public static void main(String[] args) {
    int writes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    try (TestCluster cluster = new TestCluster(TestDatabase.createDatabase(), 3).start(Map.of())) {
      Samples samples = measure(cluster.nodes(), writes);
      report("write start -> visible on all 3 nodes", samples.fromStart());
      report("write acknowledged -> visible on all 3 nodes", samples.fromAck());
      report("write start -> acknowledged (visible on the writing node)", samples.writeTimes());
    }
    System.exit(0);
  }

  /** Nanoseconds of each write, sorted: start to visible on all, acknowledged to visible on all, start to acknowledged. */
  record Samples(long[] fromStart, long[] fromAck, long[] writeTimes) {}

  /** {@code writes} sequential inserts on the first node (after 100 not counted), each awaited on every node. */
  static Samples measure(List<Node> nodes, int writes) {
    int warmup = 100;
    Node writer = nodes.get(0);
    long[] fromStart = new long[writes];
    long[] fromAck = new long[writes];
    long[] writeTimes = new long[writes];
    for (int i = -warmup; i < writes; i++) {
      String domain = "bench-" + (i + warmup) + ".example";
      long start = System.nanoTime();
      Await.result(writer.service().insert(domain, "type1"));
      long acknowledged = System.nanoTime();
      for (Node node : nodes) {
        while (node.registry().hostTypeOf(domain) == null) {
          Thread.onSpinWait();
        }
      }
      long visible = System.nanoTime();
      if (i >= 0) {
        fromStart[i] = visible - start;
        fromAck[i] = visible - acknowledged;
        writeTimes[i] = acknowledged - start;
      }
    }
    Arrays.sort(fromStart);
    Arrays.sort(fromAck);
    Arrays.sort(writeTimes);
    return new Samples(fromStart, fromAck, writeTimes);
  }

  private static void report(String what, long[] sorted) {
    System.out.printf("%s over %d writes: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
        sorted.length, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
  }

  /** The quantile of sorted nanoseconds, in milliseconds. */
  static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
  }
}
