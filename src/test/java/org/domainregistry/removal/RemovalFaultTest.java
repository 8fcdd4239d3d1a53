package org.domainregistry.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.removal.RemovalChecks.assertGone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.SiblingService;
import org.domainregistry.support.SiblingService.ScriptedHandler;
import org.domainregistry.support.StoppableDatabase;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.Test;

/** Background removals finish although the node running them dies or the database goes away for a while. */
class RemovalFaultTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Map<String, Object> SHORT_LEASE = Map.of("removal", Map.of("lease_ms", 1_000,
      "poll_interval_ms", 100, "retry_base_ms", 100, "retry_max_ms", 500, "handler_timeout_ms", 60_000));

  @Test
  void aBackgroundRemovalSurvivesTheDeathOfTheNodeRunningIt() {
    String db = TestDatabase.createDatabase();
    try (TestCluster cluster = new TestCluster(db, 3).start(SHORT_LEASE)) {
      SiblingService sibling = new SiblingService(cluster.joinSibling());
      ScriptedHandler handler = sibling.register("mam", List.of("type1"), 0).hang();
      Await.result(cluster.node(0).service().insert("orphan.example", "type1"));

      Await.result(cluster.node(0).service().requestRemove("orphan.example", "type1"));
      Await.until("the handler to be called", DEADLINE, () -> !sibling.callsFor("orphan.example").isEmpty());
      int runner = indexOfLeaseHolder(cluster, db, "orphan.example");
      handler.succeed();
      long stoppedAt = System.nanoTime();
      cluster.stop(runner);

      Await.until("another node to finish the removal", DEADLINE,
          () -> RemovalChecks.status(db, "orphan.example") == -1);
      long takeoverMs = (System.nanoTime() - stoppedAt) / 1_000_000;
      assertThat(sibling.callsFor("orphan.example")).containsExactly("mam", "mam");
      List<Node> survivors = cluster.nodes().stream().filter(node -> node != cluster.node(runner)).toList();
      Await.result(survivors.get(0).service().awaitClusterApplied(DEADLINE));
      assertGone(db, "orphan.example", survivors);
      assertThat(takeoverMs).as("time from the runner's death to the removal done, ms").isLessThan(10_000);
    }
  }

  @Test
  void aBackgroundRemovalSurvivesTheDatabaseBeingDownForAWhile() {
    try (StoppableDatabase database = new StoppableDatabase()) {
      Node node = TestNodes.start(TestNodes.config(database.url(), SHORT_LEASE));
      try {
        SiblingService sibling = new SiblingService(node.vertx());
        ScriptedHandler handler = sibling.register("inbox", List.of("type1"), 0).hang();
        Await.result(node.service().insert("outage.example", "type1"));
        Await.result(node.service().requestRemove("outage.example", "type1"));
        Await.until("the handler to be called", DEADLINE, () -> !sibling.callsFor("outage.example").isEmpty());

        database.stop();
        handler.release();
        Await.until("the node to notice the outage", DEADLINE, () -> node.syncStatus().staleSince() != null);
        database.start();

        Await.until("the removal to be finished", DEADLINE,
            () -> RemovalChecks.status(database.url(), "outage.example") == -1);
        assertThat(sibling.callsFor("outage.example")).containsExactly("inbox", "inbox");
        Await.until("the node to drop the domain", DEADLINE,
            () -> node.registry().hostTypeOf("outage.example") == null);
        assertThat(RemovalChecks.jobs(database.url(), "outage.example")).isZero();
      } finally {
        Await.result(node.stop());
      }
    }
  }

  private static int indexOfLeaseHolder(TestCluster cluster, String db, String domain) {
    String holder = lockedBy(db, domain);
    for (int i = 0; i < cluster.nodes().size(); i++) {
      if (holder.startsWith(cluster.node(i).nodeId() + "/")) {
        return i;
      }
    }
    throw new AssertionError("no node holds the job: " + holder);
  }

  private static String lockedBy(String db, String domain) {
    try (var conn = TestDatabase.jdbc(db); var st = conn.createStatement();
         var rs = st.executeQuery("SELECT locked_by FROM domain_removal_jobs WHERE domain = '" + domain + "'")) {
      rs.next();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
