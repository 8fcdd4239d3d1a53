package org.domainregistry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.Statement;
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
 * A write is acknowledged once this node has applied it, waiting up to
 * {@code sync.cluster_wait_timeout_ms} for that, even beyond the event bus's default send timeout
 * (30 s): a committed write must not fail only because the wait for it crossed a hop.
 */
class ApplyWaitTest {
  private static final Duration BUS_DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private String db;
  private Node node;

  @BeforeEach
  void startNode() {
    db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db, Map.of("sync",
        Map.of("poll_interval_ms", 200, "gap_fill_delay_ms", 100, "cluster_wait_timeout_ms", 45_000))));
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void aWriteWaitsForItsPollAsLongAsConfigured() throws Exception {
    Await.result(node.service().insert("slow.example", "type1"));
    Future<Void> write;
    try (Connection lock = TestDatabase.jdbc(db); Statement st = lock.createStatement()) {
      lock.setAutoCommit(false);
      st.execute("LOCK TABLE domain_events IN ACCESS EXCLUSIVE MODE");
      long start = System.nanoTime();
      // Unchanged, so it touches no event row; it waits for a poll, which waits for the lock.
      write = node.service().insert("slow.example", "type1");
      long beyondBusDefault = BUS_DEFAULT_TIMEOUT.plusSeconds(2).toNanos();
      Await.until("the lock held past the bus's default timeout, or the write settled", Duration.ofSeconds(40),
          () -> write.isComplete() || System.nanoTime() - start > beyondBusDefault);
      assertThat(write.isComplete()).as("write settled while its poll could not run: %s", write.cause()).isFalse();
      lock.commit();
    }
    Await.result(write);
  }
}
