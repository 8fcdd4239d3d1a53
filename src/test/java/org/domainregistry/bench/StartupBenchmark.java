package org.domainregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.domainregistry.support.NodeProcess;
import org.domainregistry.support.TestCluster;

/**
 * Start time (issue 13, target 3): from spawning a node's JVM ({@code Main --config}, as an
 * operator starts it) until {@code /health/ready} answers 200, with N enabled domains in
 * PostgreSQL; its ceiling in the same run, a JVM with the same options that reads the same rows
 * into a {@code HashMap} with the same client ({@link BareLoad}). Rounds alternate; prints each, the
 * medians and their ratio, and the node's own log lines of its first start. Arguments: domains
 * (default 1 000 000), rounds (3), {@code clustered} for a one-member Hazelcast cluster.
 */
public final class StartupBenchmark {
  /** Heap of both JVMs: {@code -Dbench.heap} (default 1g; 4g for 10 000 000 domains). */
  private static final String HEAP = System.getProperty("bench.heap", "1g");
  private static final List<String> JVM = List.of("-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+UseParallelGC");

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int domains = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    boolean clustered = args.length > 2 && args[2].equals("clustered");
    String db = BenchDatabase.create(domains);
    List<Long> node = new ArrayList<>();
    List<Long> ceiling = new ArrayList<>();
    System.out.printf("start with %,d domains, JVM options %s%s%n", domains, JVM, clustered ? ", clustered" : "");
    for (int round = 1; round <= rounds; round++) {
      ceiling.add(bareLoad(db));
      int port = TestCluster.freePort();
      String yaml = """
          http: { host: 127.0.0.1, port: %d }
          db: { url: "%s" }
          host_types: [type1, type2]
          cluster: { enabled: %s, name: startup-bench, host: 127.0.0.1, port: %d, members: [] }
          """.formatted(port, db, clustered, TestCluster.freePort());
      long start = System.nanoTime();
      try (NodeProcess process = NodeProcess.start(yaml, port, Duration.ofMinutes(3), JVM)) {
        node.add((System.nanoTime() - start) / 1_000_000);
        if (round == 1) {
          process.log().lines().forEach(line -> System.out.println("  node log: " + line));
        }
      }
      System.out.printf("round %d: bare load %d ms | node ready %d ms%n", round, ceiling.get(round - 1),
          node.get(round - 1));
    }
    long bare = median(ceiling);
    long ready = median(node);
    System.out.printf("median: node ready %d ms after its JVM was spawned; ceiling (JVM + rows into a map) %d ms;"
        + " ratio %.2f (target: ready <= 2000 ms)%n", ready, bare, bare / (double) ready);
    System.exit(0);
  }

  private static long bareLoad(String db) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(JVM);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareLoad.class.getName(), db));
    long start = System.nanoTime();
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("bare load failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
