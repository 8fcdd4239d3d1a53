package org.domainregistry.siblings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.domainregistry.node.Node;
import org.domainregistry.registry.Digest;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Digests (README "REST admin API", digest and verify) on a real 3-node cluster: equal on every
 * node after concurrent writes converge, and different, with {@code diverged}, the divergence
 * metric and {@code /api/verify} naming the domain, after a row is changed in the database without
 * an event and only a restarted node reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestClusterTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Map<String, Object> CONFIG = Map.of(
      "sync", Map.of("poll_interval_ms", 300, "gap_fill_delay_ms", 50),
      "feed", Map.of("digest_check_interval_ms", 100));
  private String db;
  private TestCluster cluster;

  @BeforeAll
  void startCluster() {
    db = TestDatabase.createDatabase();
    cluster = new TestCluster(db, 3).start(CONFIG);
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  @Test
  void digestsAgreeAfterConvergenceAndDifferAfterARowChangedBehindTheNodesBack() {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      Node writer = cluster.node(random.nextInt(3));
      String domain = "digest-" + random.nextInt(60) + ".example";
      var write = switch (random.nextInt(3)) {
        case 0 -> writer.service().insert(domain, random.nextBoolean() ? "type1" : "type2");
        case 1 -> writer.service().setEnabled(domain, random.nextBoolean());
        default -> writer.service().remove(domain, "type1");
      };
      write.otherwiseEmpty().toCompletionStage().toCompletableFuture().join();
    }
    Await.result(cluster.node(0).service().insert("behind-the-back.example", "type1")
        .compose(x -> cluster.node(0).service().awaitClusterApplied(DEADLINE)));
    Await.until("all nodes report the same complete digest", DEADLINE, () -> sameDigest(sync()));
    JsonObject first = sync().get(0);
    assertThat(first.getString("digest")).isEqualTo(Digest.hex(cluster.node(0).registry().digest()));
    assertThat(first.getString("digest")).isNotEqualTo(Digest.hex(0));
    JsonObject overview = RestClient.json(RestClient.of(cluster.node(1)).get("/api/cluster"), 200);
    assertThat(overview.getBoolean("diverged")).isFalse();
    assertThat(overview.getJsonArray("nodes")).hasSize(3);
    assertThat(RestClient.json(RestClient.of(cluster.node(1)).get("/api/verify"), 200).getBoolean("equal")).isTrue();

    TestDatabase.execute(db, "UPDATE domain_settings SET host_type = 'type2' WHERE domain = 'behind-the-back.example'");
    cluster.stop(2);
    Node restarted = cluster.restart(2, CONFIG);
    assertThat(restarted.registry().hostTypeOf("behind-the-back.example")).isEqualTo("type2");
    Await.until("cluster says diverged", DEADLINE, () ->
        RestClient.json(RestClient.of(cluster.node(0)).get("/api/cluster"), 200).getBoolean("diverged"));
    Set<String> digests = sync().stream().map(s -> s.getString("digest")).collect(Collectors.toSet());
    assertThat(digests).hasSize(2);
    Await.until("divergence counted", DEADLINE, () -> cluster.node(0).syncStatus().digestDivergences() > 0);
    assertThat(RestClient.of(cluster.node(0)).get("/metrics").bodyAsString())
        .containsPattern("domain_registry_digest_divergences_total [1-9]");

    JsonObject verify = RestClient.json(RestClient.of(cluster.node(0)).get("/api/verify"), 200);
    assertThat(verify.getBoolean("equal")).isFalse();
    assertThat(verify.getJsonArray("differences")).containsExactly(new JsonObject()
        .put("domain", "behind-the-back.example").put("node_host_type", "type1").put("db_host_type", "type2"));
    assertThat(RestClient.json(RestClient.of(restarted).get("/api/verify"), 200).getBoolean("equal")).isTrue();
  }

  private List<JsonObject> sync() {
    return cluster.nodes().stream().map(node -> RestClient.json(RestClient.of(node).get("/api/sync"), 200)).toList();
  }

  private static boolean sameDigest(List<JsonObject> states) {
    return states.stream().allMatch(s -> s.getBoolean("digest_complete"))
        && states.stream().map(s -> s.getLong("digest_event_id")).distinct().count() == 1
        && states.stream().map(s -> s.getString("digest")).distinct().count() == 1;
  }
}
