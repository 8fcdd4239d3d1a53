package org.domainregistry.support;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.node.ClusterSetup;
import org.domainregistry.node.Node;

/**
 * A cluster of real nodes in this JVM on one database, joined by Hazelcast over loopback with a
 * cluster name of its own, so that test classes never merge.
 */
public final class TestCluster implements AutoCloseable {
  /**
   * Test ports lie below the kernel's ephemeral range (32768 and up on Linux), so that no outgoing
   * connection takes one between its choice and the node's bind; each is handed out once per JVM
   * (until the range wraps), starting at an offset of the process id so that test JVMs running at
   * once rarely meet.
   */
  private static final int PORT_FLOOR = 20_000;
  private static final int PORT_CEILING = 32_000;
  private static final AtomicInteger NEXT_PORT =
      new AtomicInteger(PORT_FLOOR + (int) (ProcessHandle.current().pid() % 200) * 50);
  private final String dbUrl;
  private final String name = "test-" + UUID.randomUUID();
  private final List<Integer> ports = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Vertx> siblings = new ArrayList<>();

  public TestCluster(String dbUrl, int size) {
    this.dbUrl = dbUrl;
    for (int i = 0; i < size; i++) {
      ports.add(freePort());
    }
  }

  /** Starts every node in turn, each with the same extra config. */
  public TestCluster start(Map<String, Object> overrides) {
    return start(index -> overrides);
  }

  /** Starts every node in turn, member i with {@code overrides.apply(i)}. */
  public TestCluster start(IntFunction<Map<String, Object>> overrides) {
    for (int i = 0; i < ports.size(); i++) {
      nodes.add(TestNodes.start(config(i, overrides.apply(i))));
    }
    return this;
  }

  /**
   * The config of member {@code index} (its own Hazelcast port, every member listed); keys of a
   * {@code cluster} section in {@code overrides} (e.g. {@code tls}) are added to those.
   */
  @SuppressWarnings("unchecked")
  public NodeConfig config(int index, Map<String, Object> overrides) {
    Map<String, Object> tree = new HashMap<>(overrides);
    Map<String, Object> cluster = new HashMap<>(Map.of("enabled", true, "name", name, "host", "127.0.0.1",
        "port", ports.get(index), "members", ports.stream().map(p -> "127.0.0.1:" + p).toList()));
    cluster.putAll((Map<String, Object>) overrides.getOrDefault("cluster", Map.of()));
    tree.put("cluster", cluster);
    return TestNodes.config(dbUrl, tree);
  }

  public Node node(int index) {
    return nodes.get(index);
  }

  public List<Node> nodes() {
    return nodes;
  }

  /** Stops member {@code index} (it leaves the cluster). */
  public void stop(int index) {
    Await.result(nodes.get(index).stop());
  }

  /** Starts member {@code index} again, e.g. after {@link #stop}. */
  public Node restart(int index, Map<String, Object> overrides) {
    Node node = TestNodes.start(config(index, overrides));
    nodes.set(index, node);
    return node;
  }

  /**
   * A clustered Vert.x of a sibling service (no registry node on it), joined to this cluster on a
   * Hazelcast port of its own; closed with the cluster unless closed before.
   */
  public Vertx joinSibling() {
    return joinSibling(Optional.empty());
  }

  /** The same, its event bus over TLS when {@code tls} is given. */
  public Vertx joinSibling(Optional<NodeConfig.ClusterTls> tls) {
    NodeConfig.Cluster sibling = new NodeConfig.Cluster(true, name, "127.0.0.1", freePort(),
        ports.stream().map(p -> "127.0.0.1:" + p).toList(), "members", java.util.Optional.empty(), 0, tls);
    Vertx vertx = Await.result(ClusterSetup.vertx(sibling));
    siblings.add(vertx);
    return vertx;
  }

  @Override
  public void close() {
    for (Vertx sibling : siblings) {
      sibling.close().otherwiseEmpty().toCompletionStage().toCompletableFuture().join();
    }
    for (Node node : nodes) {
      node.stop().otherwiseEmpty().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** A port free on every address now, below the ephemeral range, not handed out before by this JVM. */
  public static int freePort() {
    for (int tries = 0; tries < PORT_CEILING - PORT_FLOOR; tries++) {
      int port = NEXT_PORT.getAndUpdate(p -> p + 1 >= PORT_CEILING ? PORT_FLOOR : p + 1);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(port));
        return port;
      } catch (IOException taken) {
        // in use: try the next one
      }
    }
    throw new IllegalStateException("No free port between " + PORT_FLOOR + " and " + PORT_CEILING);
  }
}
