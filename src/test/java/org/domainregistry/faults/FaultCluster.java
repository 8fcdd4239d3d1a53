package org.domainregistry.faults;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.node.ClusterSetup;
import org.domainregistry.support.Await;
import org.domainregistry.support.NodeLaunch;
import org.domainregistry.support.NodeProcess;
import org.domainregistry.support.StoppableDatabase;
import org.domainregistry.support.TestCluster;

/**
 * The system under test: a real PostgreSQL reached through a {@link LaggyLink} on the suite's
 * bridge, node processes each in its own network namespace, and a sibling service with a cleanup handler in this JVM. Faults act on these
 * parts for real. What it started is stopped by {@link #close}, also when starting fails.
 */
final class FaultCluster implements AutoCloseable {
  static final int HTTP_PORT = 8080;
  private final FaultNetwork network;
  private final NodeProcess[] nodes;
  private final List<NodeProcess> started = new ArrayList<>();
  private final String name = "faults-" + ProcessHandle.current().pid();
  private final int siblingPort = TestCluster.freePort();
  private final SteppedClocks clocks;
  private StoppableDatabase database;
  private LaggyLink databaseLink;
  private Vertx sibling;
  private CleanupRecorder cleanup;

  FaultCluster(int size) {
    network = new FaultNetwork(size, HTTP_PORT);
    nodes = new NodeProcess[size];
    clocks = SteppedClocks.available() ? new SteppedClocks(size) : null;
    try {
      database = new StoppableDatabase("127.0.0.1," + FaultNetwork.hostAddress(), List.of(FaultNetwork.subnet()));
      databaseLink = new LaggyLink(FaultNetwork.hostAddress(), database.port());
      network.databasePort(databaseLink.port());
      for (int i = 0; i < size; i++) {
        restart(i);
      }
      sibling = Await.result(ClusterSetup.vertx(new NodeConfig.Cluster(true, name, FaultNetwork.hostAddress(),
          siblingPort, members(), "members", Optional.empty(), 0, Optional.empty())));
      cleanup = new CleanupRecorder(sibling, "type1");
    } catch (RuntimeException | AssertionError failure) {
      close();
      throw failure;
    }
  }

  int size() {
    return nodes.length;
  }

  NodeProcess node(int i) {
    return nodes[i];
  }

  FaultNetwork network() {
    return network;
  }

  StoppableDatabase database() {
    return database;
  }

  /** The nodes' only way to PostgreSQL, which can add latency. */
  LaggyLink databaseLink() {
    return databaseLink;
  }

  CleanupRecorder cleanup() {
    return cleanup;
  }

  /** The nodes' steppable wall clocks, empty when the shim cannot be built (no gcc). */
  Optional<SteppedClocks> clocks() {
    return Optional.ofNullable(clocks);
  }

  /** Kills node {@code i} with SIGKILL. */
  void kill(int i) {
    nodes[i].kill();
  }

  /** Starts node {@code i} (again) on the same config, and waits until it is ready. */
  void restart(int i) {
    nodes[i] = NodeProcess.start(launch(i));
    started.add(nodes[i]);
  }

  /** The lines about {@code domain} in the logs of every node process started, killed ones included. */
  List<String> logLinesAbout(String domain) {
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < started.size(); p++) {
      String process = "process " + p + ": ";
      started.get(p).log().lines().filter(line -> line.contains(domain)).forEach(line -> lines.add(process + line));
    }
    return lines;
  }

  private NodeLaunch launch(int i) {
    String host = FaultNetwork.nodeAddress(i);
    String yaml = """
        http: { host: %s, port: %d }
        db: { url: "%s", pool_size: 4 }
        host_types: [type1]
        sync: { poll_interval_ms: 500 }
        removal: { lease_ms: 4000, retry_base_ms: 200, retry_max_ms: 2000, handler_timeout_ms: 3000, poll_interval_ms: 500 }
        cluster: { enabled: true, name: %s, host: %s, port: 5701, event_bus_port: 5702, members: %s }
        logging: { access_log: false }
        """.formatted(host, HTTP_PORT, "postgresql://postgres@" + FaultNetwork.hostAddress() + ":" + databaseLink.port() + "/postgres", name, host,
        members().stream().map(m -> "\"" + m + "\"").toList());
    List<String> jvm = List.of("-Xmx256m", "-Dhazelcast.merge.first.run.delay.seconds=5",
        "-Dhazelcast.merge.next.run.delay.seconds=5", "-Dhazelcast.heartbeat.interval.seconds=1",
        "-Dhazelcast.max.no.heartbeat.seconds=10");
    return new NodeLaunch(yaml, host, HTTP_PORT, Duration.ofSeconds(120), jvm, FaultNetwork.execPrefix(i),
        clocks == null ? Map.of() : clocks.environment(i));
  }

  private List<String> members() {
    List<String> members = new ArrayList<>(IntStream.range(0, nodes.length)
        .mapToObj(i -> FaultNetwork.nodeAddress(i) + ":5701").toList());
    members.add(FaultNetwork.hostAddress() + ":" + siblingPort);
    return members;
  }

  @Override
  public void close() {
    if (sibling != null) {
      sibling.close().otherwiseEmpty().toCompletionStage().toCompletableFuture().join();
    }
    for (NodeProcess node : nodes) {
      if (node != null) {
        node.close();
      }
    }
    if (databaseLink != null) {
      databaseLink.close();
    }
    if (database != null) {
      database.close();
    }
    network.close();
  }
}
