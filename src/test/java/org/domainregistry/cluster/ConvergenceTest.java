package org.domainregistry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.domainregistry.sync.SyncAddresses;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.service.DomainService;
import org.domainregistry.support.Await;
import org.domainregistry.support.DroppedMessages;
import org.domainregistry.support.RegistryState;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;

/**
 * Concurrent writers on every node doing random inserts, enables, disables and removes over a
 * small set of domains (so they collide), with a share of the nudges and database notifications
 * dropped on two nodes: at the end every node's registry equals the database, every round.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConvergenceTest {
  private static final List<String> HOST_TYPES = List.of("type1", "type2");
  private static final int WRITERS_PER_NODE = 2;
  private static final int OPERATIONS_PER_WRITER = 170;
  private static final Set<DomainError> EXPECTED_REFUSALS =
      Set.of(DomainError.DUPLICATE, DomainError.WRONG_HOST_TYPE, DomainError.NOT_FOUND, DomainError.DELETED);
  private String db;
  private TestCluster cluster;
  private final List<DroppedMessages> faults = new ArrayList<>();

  @BeforeAll
  void startCluster() {
    db = TestDatabase.createDatabase();
    cluster = new TestCluster(db, 3).start(Map.of("sync", Map.of("poll_interval_ms", 300, "gap_fill_delay_ms", 50)));
    Set<String> nudges = Set.of(SyncAddresses.CHECK_FOR_UPDATES, SyncAddresses.DB_EVENT);
    faults.add(new DroppedMessages(cluster.node(1).vertx().eventBus(), nudges, 0.5, 1));
    faults.add(new DroppedMessages(cluster.node(2).vertx().eventBus(), nudges, 0.9, 2));
  }

  @AfterAll
  void stopCluster() {
    faults.forEach(DroppedMessages::close);
    cluster.close();
  }

  @RepeatedTest(3)
  void everyNodeEndsEqualToTheDatabase() {
    long seed = System.nanoTime();
    List<Future<Integer>> writers = new ArrayList<>();
    for (int n = 0; n < cluster.nodes().size(); n++) {
      for (int w = 0; w < WRITERS_PER_NODE; w++) {
        Random random = new Random(seed + n * 100 + w);
        writers.add(write(cluster.node(n).service(), random, OPERATIONS_PER_WRITER, 0));
      }
    }
    int succeeded = Await.result(Future.all(writers)).<Integer>list().stream().mapToInt(Integer::intValue).sum();
    assertThat(succeeded).as("writes that changed or confirmed state (seed %d)", seed).isGreaterThan(100);

    Map<String, String> expected = RegistryState.expected(db, HOST_TYPES, Set.of("localhost", "static.example"));
    for (Node node : cluster.nodes()) {
      Await.until("node registry equal to the database (seed " + seed + ")", Duration.ofSeconds(15),
          () -> RegistryState.dynamic(node.registry(), HOST_TYPES).equals(expected));
    }
    assertThat(faults.get(1).dropped()).as("nudges really dropped").isPositive();
  }

  /** Runs {@code remaining} random operations one after another; counts the successful ones. */
  private static Future<Integer> write(DomainService service, Random random, int remaining, int succeeded) {
    if (remaining == 0) {
      return Future.succeededFuture(succeeded);
    }
    return randomOperation(service, random)
        .map(x -> 1)
        .recover(failure -> {
          if (failure instanceof DomainException refused && EXPECTED_REFUSALS.contains(refused.error())) {
            return Future.succeededFuture(0);
          }
          return Future.failedFuture(failure);
        })
        .compose(ok -> write(service, random, remaining - 1, succeeded + ok));
  }

  private static Future<Void> randomOperation(DomainService service, Random random) {
    String domain = "d" + random.nextInt(40) + ".example";
    String hostType = HOST_TYPES.get(random.nextInt(HOST_TYPES.size()));
    return switch (random.nextInt(4)) {
      case 0 -> service.insert(domain, hostType);
      case 1 -> service.remove(domain, hostType).mapEmpty();
      case 2 -> service.setEnabled(domain, true);
      default -> service.setEnabled(domain, false);
    };
  }
}
