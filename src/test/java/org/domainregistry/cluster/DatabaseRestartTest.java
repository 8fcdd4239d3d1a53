package org.domainregistry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.service.DomainService;
import org.domainregistry.support.Await;
import org.domainregistry.support.RegistryState;
import org.domainregistry.support.StoppableDatabase;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database stopped and started again for real, under a running cluster or before a node starts. */
class DatabaseRestartTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final List<String> HOST_TYPES = List.of("type1", "type2");
  private static final Map<String, Object> FAST_POLL = Map.of("sync", Map.of("poll_interval_ms", 200));
  private StoppableDatabase database;

  @BeforeEach
  void startDatabase() {
    database = new StoppableDatabase();
  }

  @AfterEach
  void stopDatabase() {
    database.close();
  }

  @Test
  void noAcknowledgedWriteIsLostAndTheNodesConverge() {
    try (TestCluster cluster = new TestCluster(database.url(), 2).start(FAST_POLL)) {
      ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
      AtomicInteger unavailable = new AtomicInteger();
      AtomicBoolean running = new AtomicBoolean(true);
      Future<Void> writer = writeUntilStopped(cluster.node(0).service(), 0, acknowledged, unavailable, running);

      Await.until("writes acknowledged before the outage", DEADLINE, () -> acknowledged.size() >= 20);
      database.stop();
      Await.until("writes refused as db_unavailable", DEADLINE, () -> unavailable.get() >= 5);
      for (Node node : cluster.nodes()) {
        Await.until("node reports itself stale", DEADLINE, () -> node.syncStatus().staleSince() != null);
        assertThat(node.syncStatus().ready()).isFalse();
        assertThat(node.registry().hostTypeOf(acknowledged.peek())).as("lookups keep working").isEqualTo("type1");
      }
      database.start();
      int beforeRecovery = acknowledged.size();
      Await.until("writes acknowledged after the outage", DEADLINE, () -> acknowledged.size() >= beforeRecovery + 20);
      running.set(false);
      Await.result(writer);

      Map<String, String> inDatabase = RegistryState.expected(database.url(), HOST_TYPES, Set.of());
      assertThat(inDatabase.keySet()).containsAll(acknowledged);
      for (Node node : cluster.nodes()) {
        Await.until("node ready again", DEADLINE, () -> node.syncStatus().ready());
        Map<String, String> expected = RegistryState.expected(database.url(), HOST_TYPES, Set.of("static.example"));
        Await.until("registry equal to the database", DEADLINE,
            () -> RegistryState.dynamic(node.registry(), HOST_TYPES).equals(expected));
      }
    }
  }

  @Test
  void aNodeStartedWhileTheDatabaseIsDownServesStaticDomainsThenCatchesUp() {
    Node first = TestNodes.start(TestNodes.config(database.url(), FAST_POLL));
    Await.result(first.service().insert("stored.example", "type1"));
    Await.result(first.stop());
    database.stop();

    Node node = TestNodes.start(TestNodes.config(database.url(), FAST_POLL));
    try {
      assertThat(node.registry().hostTypeOf("localhost")).isEqualTo("localhost");
      assertThat(node.syncStatus().ready()).isFalse();
      assertThat(node.registry().hostTypeOf("stored.example")).isNull();
      Throwable refused = Await.failure(node.service().insert("refused.example", "type1"));
      assertThat(((DomainException) refused).error()).isEqualTo(DomainError.DB_UNAVAILABLE);

      database.start();
      Await.until("node ready once the database is back", DEADLINE, () -> node.syncStatus().ready());
      assertThat(node.registry().hostTypeOf("stored.example")).isEqualTo("type1");
      Await.result(node.service().insert("later.example", "type2"));
      assertThat(node.registry().hostTypeOf("later.example")).isEqualTo("type2");
    } finally {
      Await.result(node.stop());
    }
  }

  private static Future<Void> writeUntilStopped(DomainService service, int i, ConcurrentLinkedQueue<String> acknowledged,
                                                AtomicInteger unavailable, AtomicBoolean running) {
    if (!running.get()) {
      return Future.succeededFuture();
    }
    String domain = "w" + i + ".example";
    return service.insert(domain, "type1")
        .map(x -> acknowledged.add(domain))
        .recover(failure -> {
          if (failure instanceof DomainException e && e.error() == DomainError.DB_UNAVAILABLE) {
            unavailable.incrementAndGet();
            return Future.succeededFuture(false);
          }
          if (failure instanceof DomainException e && e.error() == DomainError.TIMEOUT) {
            return Future.succeededFuture(false);
          }
          return Future.failedFuture(failure);
        })
        .compose(x -> writeUntilStopped(service, i + 1, acknowledged, unavailable, running));
  }
}
