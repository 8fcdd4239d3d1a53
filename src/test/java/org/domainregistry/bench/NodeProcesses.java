package org.domainregistry.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.domainregistry.support.NodeProcess;
import org.domainregistry.support.TestCluster;

/**
 * A cluster of node processes on loopback for the benchmarks: each its own JVM (heap 256 MB), all
 * on one PostgreSQL, Hazelcast members listed statically. {@code extraYaml} adds config lines (a
 * YAML mapping per line, e.g. {@code "sync: { poll_interval_ms: 1000 }"}). With the system property
 * {@code bench.jfr=PREFIX} each node records a JFR profile to {@code PREFIX-nodeN.jfr}.
 */
record NodeProcesses(List<NodeProcess> nodes, int[] hazelcastPorts, int[] eventBusPorts) implements AutoCloseable {

  static NodeProcesses start(String db, int count, String extraYaml, IntFunction<List<String>> launcher) {
    String name = "bench-" + UUID.randomUUID();
    int[] hazelcast = IntStream.range(0, count).map(i -> TestCluster.freePort()).toArray();
    int[] eventBus = IntStream.range(0, count).map(i -> TestCluster.freePort()).toArray();
    String members = IntStream.of(hazelcast).mapToObj(p -> "\"127.0.0.1:" + p + "\"")
        .reduce((a, b) -> a + ", " + b).orElseThrow();
    NodeProcesses cluster = new NodeProcesses(new ArrayList<>(), hazelcast, eventBus);
    try {
      for (int i = 0; i < count; i++) {
        int http = TestCluster.freePort();
        String yaml = """
            http: { host: 127.0.0.1, port: %d }
            db: { url: "%s", pool_size: %d }
            host_types: [type1]
            logging: { access_log: false }
            cluster: { enabled: true, name: %s, host: 127.0.0.1, port: %d, event_bus_port: %d, members: [%s] }
            %s
            """.formatted(http, db, Integer.getInteger("bench.pool_size", 4), name, hazelcast[i], eventBus[i], members,
            extraYaml);
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        String jfr = System.getProperty("bench.jfr", "");
        if (!jfr.isEmpty()) {
          jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr + "-node" + i + ".jfr");
        }
        cluster.nodes().add(NodeProcess.start(yaml, http, Duration.ofSeconds(120), jvm, launcher.apply(i)));
      }
      return cluster;
    } catch (RuntimeException | AssertionError failed) {
      cluster.close();
      throw failed;
    }
  }

  NodeProcess node(int index) {
    return nodes.get(index);
  }

  @Override
  public void close() {
    nodes.forEach(NodeProcess::close);
  }
}
