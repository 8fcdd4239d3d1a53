package org.domainregistry.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A 3-node cluster on this machine for trying things out: one embedded PostgreSQL in this process
 * and three nodes as separate JVM processes, HTTP on 127.0.0.1:8081..8083, Hazelcast on
 * 5701..5703. Their output is shown prefixed with the node's name; Ctrl-C stops everything.
 */
public final class LocalClusterDemo {
  static final int NODES = 3;
  static final int FIRST_HTTP_PORT = 8081;
  static final int FIRST_CLUSTER_PORT = 5701;

  private LocalClusterDemo() {}

  /** Runs the demo until the process is interrupted. */
  public static void run() throws IOException {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of("data", "demo-postgres"), 5434);
    List<Process> nodes = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      nodes.forEach(Process::destroy);
      nodes.forEach(LocalClusterDemo::awaitExit);
      database.close();
    }, "demo-cluster-shutdown"));
    Path configs = Files.createTempDirectory("domain-registry-demo-");
    for (int i = 0; i < NODES; i++) {
      Path config = Files.writeString(configs.resolve("node" + (i + 1) + ".yaml"), config(i, database.url()));
      nodes.add(startNode("node" + (i + 1), config));
    }
    System.out.printf("%nDemo cluster starting: nodes on http://127.0.0.1:%d..%d. Try:%n"
        + "  curl -X PUT -H 'Content-Type: application/json' -d '{\"host_type\":\"type1\"}' "
        + "'http://127.0.0.1:%d/api/domains/example.com?wait=cluster'%n"
        + "  curl http://127.0.0.1:%d/api/lookup/example.com%n"
        + "  curl http://127.0.0.1:%d/api/cluster%nCtrl-C stops the cluster.%n%n",
        FIRST_HTTP_PORT, FIRST_HTTP_PORT + NODES - 1, FIRST_HTTP_PORT, FIRST_HTTP_PORT + 1, FIRST_HTTP_PORT + 2);
    for (Process node : nodes) {
      awaitExit(node);
    }
  }

  static String config(int index, String dbUrl) {
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < NODES; i++) {
      members.append(i == 0 ? "" : ", ").append("\"127.0.0.1:").append(FIRST_CLUSTER_PORT + i).append('"');
    }
    return """
        http: { host: 127.0.0.1, port: %d }
        db: { url: "%s" }
        static_domains: { localhost: localhost }
        host_types: [type1, type2]
        cluster: { enabled: true, name: domain-registry-demo, host: 127.0.0.1, port: %d, members: [%s] }
        """.formatted(FIRST_HTTP_PORT + index, dbUrl, FIRST_CLUSTER_PORT + index, members);
  }

  private static Process startNode(String name, Path config) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "org.domainregistry.Main", "--config", config.toString()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(variable -> variable.startsWith("DOMAINS_"));
    Process process = builder.start();
    Thread pump = new Thread(() -> prefixOutput(name, process), name + "-output");
    pump.setDaemon(true);
    pump.start();
    return process;
  }

  private static void prefixOutput(String name, Process process) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        System.out.println("[" + name + "] " + line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitExit(Process process) {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
