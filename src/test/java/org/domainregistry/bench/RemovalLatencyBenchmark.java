package org.domainregistry.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.domainregistry.support.NodeProcess;
import org.domainregistry.support.PacketFilter;
import org.domainregistry.support.TestDatabase;

/**
 * {@code DELETE /api/domains/{d}} latency on a healthy node of three node processes on one real
 * PostgreSQL (issue 10): first with every node reachable, then with the third cut off from the
 * other two by iptables (every loopback packet to or from its Hazelcast and event-bus ports, and
 * every packet it sends anywhere but to PostgreSQL: it runs under a group of its own), the
 * database still reachable by all. Each removal is of a domain just created on the same node
 * (no cleanup handlers). Prints median, p99 and max of each phase and how many removals named an
 * unconfirmed node. Arguments: removals per phase (default 30). Needs root and iptables.
 */
public final class RemovalLatencyBenchmark {
  private static final int CUT_GROUP = 4242;

  private RemovalLatencyBenchmark() {}

  public static void main(String[] args) {
    int removals = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    String db = TestDatabase.createDatabase();
    try (NodeProcesses cluster = NodeProcesses.start(db, 3, "",
        i -> i == 2 ? List.of("setpriv", "--regid=" + CUT_GROUP, "--clear-groups") : List.of())) {
      int[] hazelcast = cluster.hazelcastPorts();
      int[] eventBus = cluster.eventBusPorts();
      NodeProcess healthy = cluster.node(0);
      System.out.printf("3 node processes, live members seen by node 0: %d; sync.poll_interval_ms 1000,"
          + " removal.drop_wait_margin_ms 1000 (a removal waits at most 2000 ms)%n", liveNodes(healthy));
      measure("all nodes reachable", healthy, "reachable", removals);
      try (PacketFilter cut = new PacketFilter().dropPort(hazelcast[2]).dropPort(eventBus[2])
          .dropSentByGroup(CUT_GROUP, URI.create(db).getPort())) {
        System.out.printf("node 2 cut off (Hazelcast port %d, event-bus port %d); live members seen by node 0: %d%n",
            hazelcast[2], eventBus[2], liveNodes(healthy));
        measure("node 2 cut off", healthy, "cut", removals);
        System.out.printf("live members seen by node 0 at the end: %d%n", liveNodes(healthy));
      }
    }
    System.exit(0);
  }

  private static void measure(String phase, NodeProcess node, String prefix, int removals) {
    List<Long> micros = new ArrayList<>();
    int unconfirmed = 0;
    for (int i = 0; i < removals; i++) {
      String domain = prefix + "-" + i + ".example";
      check(node.send("PUT", "/api/domains/" + domain, "{\"host_type\":\"type1\"}"), 204);
      long start = System.nanoTime();
      HttpResponse<String> delete = node.send("DELETE", "/api/domains/" + domain, "{\"host_type\":\"type1\"}");
      micros.add((System.nanoTime() - start) / 1000);
      check(delete, 204);
      if (delete.headers().firstValue("X-Unconfirmed-Nodes").isPresent()) {
        unconfirmed++;
      }
    }
    micros.sort(null);
    System.out.printf("%s: %d removals, DELETE median %.1f ms, p99 %.1f ms, max %.1f ms, min %.1f ms;"
            + " %d answered with X-Unconfirmed-Nodes%n", phase, removals, micros.get(removals / 2) / 1000.0,
        micros.get(Math.min(removals - 1, (int) Math.ceil(removals * 0.99) - 1)) / 1000.0,
        micros.get(removals - 1) / 1000.0, micros.get(0) / 1000.0, unconfirmed);
  }

  private static void check(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  private static int liveNodes(NodeProcess node) {
    return new JsonObject(node.get("/api/cluster").body()).getJsonArray("live_nodes").size();
  }
}
