package org.domainregistry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.domainregistry.support.NodeProcess;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Three nodes as separate JVM processes, configured by YAML files, talking over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessClusterTest {
  private final List<NodeProcess> nodes = new ArrayList<>();

  @BeforeAll
  void startProcesses() {
    String db = TestDatabase.createDatabase();
    String name = "proc-" + UUID.randomUUID();
    int[] hazelcast = {TestCluster.freePort(), TestCluster.freePort(), TestCluster.freePort()};
    String members = "[\"127.0.0.1:" + hazelcast[0] + "\", \"127.0.0.1:" + hazelcast[1] + "\", \"127.0.0.1:" + hazelcast[2] + "\"]";
    for (int i = 0; i < 3; i++) {
      int http = TestCluster.freePort();
      String yaml = """
          http: { host: 127.0.0.1, port: %d }
          db: { url: "%s", pool_size: 4 }
          static_domains: { localhost: localhost }
          host_types: [type1, type2]
          cluster: { enabled: true, name: %s, host: 127.0.0.1, port: %d, members: %s }
          """.formatted(http, db, name, hazelcast[i], members);
      nodes.add(NodeProcess.start(yaml, http, Duration.ofSeconds(90)));
    }
  }

  @AfterAll
  void stopProcesses() {
    nodes.forEach(NodeProcess::close);
  }

  @Test
  void aWriteOnOneProcessIsVisibleOnEveryOtherOnceTheClusterHasAppliedIt() {
    for (int writer = 0; writer < 3; writer++) {
      String domain = "proc-" + writer + ".example";
      var put = nodes.get(writer).send("PUT", "/api/domains/" + domain + "?wait=cluster", "{\"host_type\":\"type2\"}");
      assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
      for (NodeProcess node : nodes) {
        var lookup = node.get("/api/lookup/" + domain);
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(lookup.body()).contains("\"host_type\":\"type2\"", "\"source\":\"dynamic\"");
      }
    }
    var disable = nodes.get(2).send("PATCH", "/api/domains/proc-0.example?wait=cluster", "{\"enabled\":false}");
    assertThat(disable.statusCode()).isEqualTo(204);
    for (NodeProcess node : nodes) {
      assertThat(node.get("/api/lookup/proc-0.example").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void everyProcessReportsTheSameLiveMembers() {
    for (NodeProcess node : nodes) {
      var cluster = node.get("/api/cluster");
      assertThat(cluster.statusCode()).isEqualTo(200);
      assertThat(new io.vertx.core.json.JsonObject(cluster.body()).getJsonArray("live_nodes")).hasSize(3);
    }
  }
}
