package org.domainregistry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domainregistry.sync.SyncAddresses;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.support.Await;
import org.domainregistry.support.EventTables;
import org.domainregistry.support.DroppedMessages;
import org.domainregistry.support.RegistryState;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nodes that miss writes (stopped, deaf, behind the event cleaner) catch up by themselves. */
@ExtendWith(VertxExtension.class)
class ClusterFaultTest {
  private static final List<String> HOST_TYPES = List.of("type1", "type2");
  private static final Set<String> STATICS = Set.of("localhost", "static.example");
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final Map<String, Object> SLOW_POLL = Map.of("sync", Map.of("poll_interval_ms", 600_000,
      "cluster_wait_timeout_ms", 300));
  private String db;
  private TestCluster cluster;

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  private void startCluster(int size, Map<String, Object> overrides) {
    db = TestDatabase.createDatabase();
    cluster = new TestCluster(db, size).start(overrides);
  }

  private void awaitEqualToDatabase(Node node) {
    Map<String, String> expected = RegistryState.expected(db, HOST_TYPES, STATICS);
    Await.until("registry equal to the database", DEADLINE,
        () -> RegistryState.dynamic(node.registry(), HOST_TYPES).equals(expected));
  }

  @Test
  void aStoppedNodeCatchesUpWhenRestarted() {
    startCluster(2, Map.of());
    Node writer = cluster.node(0);
    Await.result(writer.service().insert("kept.example", "type1"));
    Await.result(writer.service().insert("moved.example", "type1"));
    cluster.stop(1);
    Await.result(writer.service().insert("new.example", "type2"));
    Await.result(writer.service().remove("moved.example", "type1"));
    Await.result(writer.service().insert("moved.example", "type2"));
    Await.result(writer.service().setEnabled("kept.example", false));
    Node back = cluster.restart(1, Map.of());
    assertThat(back.registry().hostTypeOf("moved.example")).isEqualTo("type2");
    assertThat(back.registry().hostTypeOf("kept.example")).isNull();
    assertThat(back.registry().hostTypeOf("new.example")).isEqualTo("type2");
    awaitEqualToDatabase(back);
  }

  @Test
  void withEveryNudgeDroppedTheNodesStillConvergeByPolling() {
    startCluster(2, Map.of("sync", Map.of("poll_interval_ms", 200)));
    try (DroppedMessages deaf = new DroppedMessages(cluster.node(1).vertx().eventBus(),
        Set.of(SyncAddresses.CHECK_FOR_UPDATES, SyncAddresses.DB_EVENT), 1.0, 7)) {
      for (int i = 0; i < 20; i++) {
        Await.result(cluster.node(0).service().insert("polled-" + i + ".example", "type1"));
      }
      awaitEqualToDatabase(cluster.node(1));
      assertThat(deaf.dropped()).isPositive();
    }
  }

  @Test
  void aNodeBehindTheEventCleanerReloadsFullyAndDropsWhatIsGone(Vertx vertx) {
    startCluster(2, SLOW_POLL);
    Node writer = cluster.node(0);
    Node behind = cluster.node(1);
    Await.result(writer.service().insert("gone.example", "type1").compose(x -> writer.service()
        .awaitClusterApplied(DEADLINE)));
    assertThat(behind.registry().hostTypeOf("gone.example")).isEqualTo("type1");
    long reloadsBefore = behind.syncStatus().fullReloads();
    Set<String> unheard = Set.of(SyncAddresses.CHECK_FOR_UPDATES, SyncAddresses.DB_EVENT,
        SyncAddresses.nodeAwaitApplied(behind.nodeId()));
    try (DroppedMessages deaf = new DroppedMessages(behind.vertx().eventBus(), unheard, 1.0, 7)) {
      Await.result(writer.service().remove("gone.example", "type1"));
      Await.result(writer.service().insert("arrived.example", "type2"));
      Await.result(writer.service().insert("last.example", "type2"));
      assertThat(behind.registry().hostTypeOf("gone.example")).as("deaf node missed the removal").isEqualTo("type1");
      EventTables.cleanAllButTheNewest(vertx, db);
    }
    writer.vertx().eventBus().publish(SyncAddresses.CHECK_FOR_UPDATES, 0L);
    awaitEqualToDatabase(behind);
    assertThat(behind.registry().hostTypeOf("gone.example")).isNull();
    // the reload's registry is served a moment before its counter moves: wait for it, then check it moved once
    Await.until("the full reload counted", DEADLINE, () -> behind.syncStatus().fullReloads() > reloadsBefore);
    assertThat(behind.syncStatus().fullReloads()).isEqualTo(reloadsBefore + 1);
  }

  @Test
  void nodesAllowingDifferentHostTypesEachKeepOnlyTheirOwn() {
    db = TestDatabase.createDatabase();
    cluster = new TestCluster(db, 2).start(index -> index == 0 ? Map.of()
        : Map.of("host_types", List.of("type1")));
    Node both = cluster.node(0);
    Node onlyType1 = cluster.node(1);
    Await.result(both.service().insert("one.example", "type1"));
    Await.result(both.service().insert("two.example", "type2").compose(x -> both.service().awaitClusterApplied(DEADLINE)));
    assertThat(onlyType1.registry().hostTypeOf("one.example")).isEqualTo("type1");
    assertThat(onlyType1.registry().hostTypeOf("two.example")).isNull();
    assertThat(both.registry().hostTypeOf("two.example")).isEqualTo("type2");
    for (var refused : List.of(onlyType1.service().setEnabled("two.example", false),
        onlyType1.service().insert("three.example", "type2"),
        onlyType1.service().remove("two.example", "type2"))) {
      Throwable failure = Await.failure(refused);
      assertThat(((DomainException) failure).error()).isEqualTo(DomainError.UNKNOWN_HOST_TYPE);
    }
    assertThat(both.registry().hostTypeOf("two.example")).as("refused calls changed nothing").isEqualTo("type2");
  }
}
