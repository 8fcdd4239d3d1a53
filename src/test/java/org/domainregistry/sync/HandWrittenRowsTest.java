package org.domainregistry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows written by hand, as other tools may: they must never stop the sync or the writers. */
class HandWrittenRowsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private String db;
  private Node node;

  @BeforeEach
  void startNode() {
    db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db, Map.of()));
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
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
