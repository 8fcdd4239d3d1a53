package org.domainregistry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.domainregistry.sync.SyncAddresses;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.DroppedMessages;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writers outside the cluster (plain SQL, as a MongooseIM node or another tool would write) send no
 * nudge: the node sees their rows through the NOTIFY trigger, even a row given an id below what it
 * has read; odd rows (a hand-picked high id, an unknown status) never stop the sync or the writers.
 */
class OutsideWriterTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private String db;
  private Node node;
  private DroppedMessages noNudges;

  @BeforeEach
  void startNode() {
    db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db, Map.of("sync", Map.of("poll_interval_ms", 600_000))));
    noNudges = new DroppedMessages(node.vertx().eventBus(), Set.of(SyncAddresses.CHECK_FOR_UPDATES), 1.0, 3);
  }

  @AfterEach
  void stopNode() {
    noNudges.close();
    Await.result(node.stop());
  }

  @Test
  void aRowWrittenBySqlIsSeenAtOnce() {
    TestDatabase.execute(db, "BEGIN",
        "INSERT INTO domain_settings (domain, host_type) VALUES ('by-sql.example', 'type1')",
        "INSERT INTO domain_events (domain) VALUES ('by-sql.example')", "COMMIT");
    Await.until("by-sql.example applied", DEADLINE, () -> "type1".equals(node.registry().hostTypeOf("by-sql.example")));
  }

  @Test
  void anEventGivenALowIdByHandIsStillApplied() {
    for (int i = 0; i < 5; i++) {
      Await.result(node.service().insert("d" + i + ".example", "type1"));
    }
    TestDatabase.execute(db, "DELETE FROM domain_events WHERE id < 5");
    long before = node.syncStatus().maxSeenEventId();
    TestDatabase.execute(db, "BEGIN",
        "INSERT INTO domain_settings (domain, host_type) VALUES ('low-id.example', 'type2')",
        "INSERT INTO domain_events (id, domain) VALUES (2, 'low-id.example')", "COMMIT");
    Await.until("low-id.example applied", DEADLINE, () -> "type2".equals(node.registry().hostTypeOf("low-id.example")));
    assertThat(node.syncStatus().maxSeenEventId()).isEqualTo(before);
  }

  @Test
  void anEventGivenAHighIdByHandDoesNotUseUpTheIdsWritersWillGet() {
    Await.result(node.service().insert("a.example", "type1"));
    TestDatabase.execute(db, "INSERT INTO domain_settings (domain, host_type) VALUES ('x.example', 'type1')",
        "INSERT INTO domain_events (id, domain) VALUES (50, 'x.example')");
    Await.until("x.example applied", DEADLINE, () -> "type1".equals(node.registry().hostTypeOf("x.example")));
    for (int i = 0; i < 5; i++) {
      Await.result(node.service().insert("b" + i + ".example", "type1"));
      assertThat(node.registry().hostTypeOf("b" + i + ".example")).isEqualTo("type1");
    }
    assertThat(node.syncStatus().appliedEventId()).as("ids 7..49 are still to be handed out").isEqualTo(6);
  }

  @Test
  void aRowWithAnUnknownStatusIsNotServedAndDoesNotStopTheSync() {
    TestDatabase.execute(db, "INSERT INTO domain_settings (domain, host_type, status) VALUES ('odd.example', 'type1', 3)",
        "INSERT INTO domain_events (domain) VALUES ('odd.example')",
        "INSERT INTO domain_settings (domain, host_type) VALUES ('next.example', 'type1')",
        "INSERT INTO domain_events (domain) VALUES ('next.example')");
    Await.until("next.example applied", DEADLINE, () -> "type1".equals(node.registry().hostTypeOf("next.example")));
    assertThat(node.registry().hostTypeOf("odd.example")).isNull();
    assertThat(node.syncStatus().ready()).isTrue();
  }
}
