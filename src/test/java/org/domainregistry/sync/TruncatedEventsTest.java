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

/**
 * Event ids going back ({@code TRUNCATE ... RESTART IDENTITY}) after a cleaner recorded how far it
 * deleted: the node reloads once, and the stale mark is reset rather than making it reload on
 * every poll until ids pass the old value (README "The events table and the cursor").
 */
class TruncatedEventsTest {
  private String db;
  private Node node;

  @BeforeEach
  void startNode() {
    db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db, Map.of("sync", Map.of("poll_interval_ms", 50))));
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void idsGoingBackBelowTheCleanedMarkCostOneReload() {
    for (int i = 0; i < 20; i++) {
      Await.result(node.service().insert("old" + i + ".com", "type1"));
    }
    TestDatabase.execute(db, "DELETE FROM domain_events WHERE id < 20",
        "INSERT INTO domain_registry_meta (name, value) VALUES ('events_cleaned_through', 19)");
    long reloadsBefore = node.syncStatus().fullReloads();

    TestDatabase.execute(db, "TRUNCATE domain_events RESTART IDENTITY");
    for (int i = 0; i < 3; i++) {
      Await.result(node.service().insert("new" + i + ".com", "type2"));
    }
    Await.until("reloaded after ids went back", Duration.ofSeconds(10),
        () -> node.syncStatus().fullReloads() > reloadsBefore && node.syncStatus().maxSeenEventId() == 3);
    long polls = node.syncStatus().counters().polls();
    Await.until("20 more polls", Duration.ofSeconds(20), () -> node.syncStatus().counters().polls() >= polls + 20);

    assertThat(node.syncStatus().fullReloads() - reloadsBefore).as("full reloads since ids went back")
        .isLessThanOrEqualTo(2);
    assertThat(node.registry().hostTypeOf("new2.com")).isEqualTo("type2");
    assertThat(node.registry().hostTypeOf("old5.com")).isEqualTo("type1");
  }
}
