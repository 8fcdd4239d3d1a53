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
 * Every write wakes every node twice, by its nudge and its NOTIFY: a nudge naming an event this
 * node has applied starts no poll, one naming an event it has not (or naming none) does.
 */
class NudgePollTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private String db;
  private Node node;

  @BeforeEach
  void startNode() {
    db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db, Map.of("sync", Map.of("poll_interval_ms", 600_000))));
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void aNudgeForAnAppliedEventStartsNoPollAndOneForAnUnseenEventDoes() {
    Await.result(node.service().insert("applied.example", "type1"));
    long applied = node.syncStatus().appliedEventId();
    SyncCounters counters = node.syncStatus().counters();
    afterNextPoll(); // whatever the write left pending has run
    long polls = counters.polls();
    long nudges = counters.nudges();

    // Each round: a nudge naming the applied event, then a request answered after the next poll.
    // Polling on the nudge too, the node would run two polls a round (the request's waits for the next).
    for (int i = 0; i < 5; i++) {
      node.vertx().eventBus().publish(SyncAddresses.CHECK_FOR_UPDATES, applied);
      afterNextPoll();
    }
    assertThat(counters.nudges()).isEqualTo(nudges + 5);
    assertThat(counters.polls() - polls).as("polls in 5 rounds").isEqualTo(5);

    node.vertx().eventBus().publish(SyncAddresses.CHECK_FOR_UPDATES, "look");
    Await.until("a poll for a nudge naming no event", DEADLINE, () -> counters.polls() > polls + 5);

    TestDatabase.execute(db, "ALTER TABLE domain_events DISABLE TRIGGER domain_events_notify",
        "INSERT INTO domain_settings (domain, host_type) VALUES ('unseen.example', 'type2')",
        "INSERT INTO domain_events (domain) VALUES ('unseen.example')");
    node.vertx().eventBus().publish(SyncAddresses.CHECK_FOR_UPDATES, applied + 1);
    Await.until("unseen.example applied on its nudge", DEADLINE,
        () -> "type2".equals(node.registry().hostTypeOf("unseen.example")));
  }

  /** Asks the node's poll for a poll started after the request (body 0) and waits for its answer. */
  private void afterNextPoll() {
    Await.result(node.vertx().eventBus().request(SyncAddresses.AWAIT_APPLIED, 0L));
  }
}
