package org.domainregistry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.Map;
import org.domainregistry.sync.SyncAddresses;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.support.Await;
import org.domainregistry.support.DroppedMessages;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Three nodes in one JVM on one database: a write on any node is visible on all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterPropagationTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private String db;
  private TestCluster cluster;

  @BeforeAll
  void startCluster() {
    // A long poll interval: only the check_for_updates nudge and NOTIFY can make these tests pass quickly.
    db = TestDatabase.createDatabase();
    cluster = new TestCluster(db, 3).start(Map.of("sync", Map.of("poll_interval_ms", 600_000)));
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  @Test
  void theNodesFormOneCluster() {
    for (Node node : cluster.nodes()) {
      assertThat(Await.result(node.service().awaitClusterApplied(DEADLINE))).isNull();
    }
    assertThat(cluster.node(0).cluster().liveNodes()).hasSize(3)
        .containsExactlyInAnyOrder(cluster.node(0).nodeId(), cluster.node(1).nodeId(), cluster.node(2).nodeId());
  }

  @Test
  void aWriteOnAnyNodeIsSeenByEveryNode() {
    for (int writer = 0; writer < 3; writer++) {
      String domain = "written-on-" + writer + ".example";
      Await.result(cluster.node(writer).service().insert(domain, "type1"));
      for (Node node : cluster.nodes()) {
        Await.until(domain + " on every node", DEADLINE, () -> "type1".equals(node.registry().hostTypeOf(domain)));
      }
    }
  }

  @Test
  void disableAndRemoveReachEveryNode() {
    Await.result(cluster.node(0).service().insert("short-lived.example", "type2"));
    Await.result(cluster.node(1).service().setEnabled("short-lived.example", false));
    for (Node node : cluster.nodes()) {
      Await.until("disabled everywhere", DEADLINE, () -> node.registry().hostTypeOf("short-lived.example") == null);
    }
    Await.result(cluster.node(2).service().setEnabled("short-lived.example", true));
    Await.result(cluster.node(2).service().remove("short-lived.example", "type2"));
    Await.result(cluster.node(0).service().insert("short-lived.example", "type1"));
    for (Node node : cluster.nodes()) {
      Await.until("re-inserted with type1 everywhere", DEADLINE,
          () -> "type1".equals(node.registry().hostTypeOf("short-lived.example")));
    }
  }

  @Test
  void waitingForTheClusterMeansEveryNodeHasTheWriteOnReturn() {
    for (int i = 0; i < 20; i++) {
      String domain = "waited-" + i + ".example";
      Node writer = cluster.node(i % 3);
      Await.result(writer.service().insert(domain, "type1").compose(x -> writer.service().awaitClusterApplied(DEADLINE)));
      for (Node node : cluster.nodes()) {
        assertThat(node.registry().hostTypeOf(domain)).as(domain + " on every node at once").isEqualTo("type1");
      }
    }
  }

  @Test
  void waitingForTheClusterCoversAWriteCommittedOutOfOrder() throws Exception {
    Node writer = cluster.node(0);
    Node other = cluster.node(1);
    try (DroppedMessages deaf = new DroppedMessages(other.vertx().eventBus(),
        Set.of(SyncAddresses.CHECK_FOR_UPDATES, SyncAddresses.DB_EVENT), 1.0, 1);
         Connection held = TestDatabase.jdbc(db); Statement st = held.createStatement()) {
      held.setAutoCommit(false);
      st.executeUpdate("INSERT INTO domain_settings (domain, host_type) VALUES ('slow.example', 'type1')");
      st.executeQuery("INSERT INTO domain_events (domain) VALUES ('slow.example') RETURNING id").close();
      Await.result(writer.service().insert("fast.example", "type1").compose(x -> writer.service()
          .awaitClusterApplied(DEADLINE)));
      assertThat(other.registry().hostTypeOf("fast.example")).isEqualTo("type1");
      held.commit();
      Await.until("writer applied slow.example", DEADLINE, () -> writer.registry().hostTypeOf("slow.example") != null);
      Await.result(writer.service().awaitClusterApplied(DEADLINE));
      assertThat(other.registry().hostTypeOf("slow.example")).as("after a successful cluster wait").isEqualTo("type1");
    }
  }

  @Test
  void aStoppedNodeIsNotWaitedFor() {
    cluster.stop(2);
    try {
      Await.result(cluster.node(0).service().insert("while-two-down.example", "type1"));
      assertThat(Await.result(cluster.node(0).service().awaitClusterApplied(DEADLINE))).isNull();
      assertThat(cluster.node(1).registry().hostTypeOf("while-two-down.example")).isEqualTo("type1");
    } finally {
      Node back = cluster.restart(2, Map.of("sync", Map.of("poll_interval_ms", 600_000)));
      assertThat(back.registry().hostTypeOf("while-two-down.example")).isEqualTo("type1");
    }
  }

  @Test
  void aNodeThatDoesNotAnswerIsNamedAsLaggard() {
    Node deaf = cluster.node(1);
    String address = SyncAddresses.nodeAwaitApplied(deaf.nodeId());
    Handler<DeliveryContext<Object>> drop = ctx -> {
      if (!ctx.message().address().equals(address)) {
        ctx.next();
      }
    };
    deaf.vertx().eventBus().addInboundInterceptor(drop);
    try {
      Throwable failure = Await.failure(cluster.node(0).service().insert("laggard.example", "type1")
          .compose(x -> cluster.node(0).service().awaitClusterApplied(Duration.ofMillis(500))));
      assertThat(failure).isInstanceOf(DomainException.class);
      assertThat(((DomainException) failure).error()).isEqualTo(DomainError.TIMEOUT);
      assertThat(failure.getMessage()).contains(deaf.nodeId()).doesNotContain(cluster.node(0).nodeId());
    } finally {
      deaf.vertx().eventBus().removeInboundInterceptor(drop);
    }
  }
}
