package org.domainregistry.siblings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.domainregistry.node.Node;
import org.domainregistry.registry.RegistryChange;
import org.domainregistry.support.Await;
import org.domainregistry.support.EventTables;
import org.domainregistry.support.DroppedMessages;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.sync.SyncAddresses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Change notifications (README "Event-bus API", change notifications) on a real 3-node cluster:
 * every node publishes every kind of change at {@code domains.changed}, in event-id order, the
 * subdomains of a config pattern with their parent, and a full reload only its differences then
 * {@code reloaded}. A blocked listener delays neither the poll nor the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeNotificationsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private String db;
  private TestCluster cluster;
  private final List<List<JsonObject>> heard = new ArrayList<>();

  @BeforeAll
  void startCluster() {
    db = TestDatabase.createDatabase();
    // Node 2 polls only when nudged, so that the reload test can make it miss events.
    cluster = new TestCluster(db, 3).start(index -> Map.of(
        "sync", Map.of("poll_interval_ms", index == 2 ? 600_000 : 300, "gap_fill_delay_ms", 50),
        "subdomains", List.of(Map.of("pattern", "muc.@HOST@", "host_types", List.of("type1"), "owner", "muc"))));
    for (Node node : cluster.nodes()) {
      List<JsonObject> bodies = new CopyOnWriteArrayList<>();
      node.vertx().eventBus().<JsonObject>localConsumer("domains.changed", message -> bodies.add(message.body()));
      heard.add(bodies);
    }
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  @Test
  void everyNodePublishesEveryKindOfChangeInEventIdOrder() {
    // Each step waits for the whole cluster: a node applies an event by the row as it is when read,
    // so a node that reads late sees only the latest state (README "Event-bus API").
    Await.result(cluster.node(0).service().insert("life.example", "type1").compose(x -> everywhere(0)));
    Await.result(cluster.node(1).service().setEnabled("life.example", false).compose(x -> everywhere(1)));
    Await.result(cluster.node(2).service().setEnabled("life.example", true).compose(x -> everywhere(2)));
    Await.result(cluster.node(0).service().remove("life.example", "type1").compose(x -> everywhere(0)));
    List<String> expected = List.of("added life.example dynamic", "subdomain_added muc.life.example subdomain",
        "subdomain_removed muc.life.example subdomain", "disabled life.example dynamic",
        "enabled life.example dynamic", "subdomain_added muc.life.example subdomain",
        "subdomain_removed muc.life.example subdomain", "removed life.example dynamic");
    for (int i = 0; i < 3; i++) {
      List<JsonObject> mine = heard.get(i);
      Await.until("all changes of life.example on node " + i, DEADLINE, () -> about(mine, "life.example").size() >= 8);
      List<JsonObject> changes = about(mine, "life.example");
      assertThat(changes.stream().map(c -> c.getString("type") + " " + c.getString("domain") + " "
          + c.getString("source")).toList()).as("node " + i).isEqualTo(expected);
      assertThat(changes).allSatisfy(c -> assertThat(c.getString("host_type")).isEqualTo("type1"));
      List<Long> ids = changes.stream().map(c -> c.getLong("event_id")).toList();
      assertThat(ids).isSorted().allSatisfy(id -> assertThat(id).isPositive());
      assertThat(Set.copyOf(ids)).hasSize(4);
    }
  }

  @Test
  void aFullReloadPublishesOnlyItsDifferencesThenReloaded() {
    Node writer = cluster.node(0);
    Node behind = cluster.node(2);
    Await.result(writer.service().insert("stays.example", "type2"));
    Await.result(writer.service().insert("goes.example", "type2").compose(x -> writer.service()
        .awaitClusterApplied(DEADLINE)));
    List<JsonObject> mine = heard.get(2);
    long reloads = behind.syncStatus().fullReloads();
    Set<String> unheard = Set.of(SyncAddresses.CHECK_FOR_UPDATES, SyncAddresses.DB_EVENT,
        SyncAddresses.nodeAwaitApplied(behind.nodeId()));
    int before;
    try (DroppedMessages deaf = new DroppedMessages(behind.vertx().eventBus(), unheard, 1.0, 3)) {
      before = mine.size();
      Await.result(writer.service().remove("goes.example", "type2"));
      Await.result(writer.service().insert("new.example", "type1"));
      Await.result(writer.service().insert("newest.example", "type2"));
      EventTables.cleanAllButTheNewest(writer.vertx(), db);
    }
    writer.vertx().eventBus().publish(SyncAddresses.CHECK_FOR_UPDATES, 0L);
    Await.until("full reload on node 2", DEADLINE, () -> behind.syncStatus().fullReloads() > reloads);
    Await.until("reloaded published", DEADLINE, () -> mine.stream().skip(before)
        .anyMatch(c -> c.getString("type").equals("reloaded")));
    List<JsonObject> after = List.copyOf(mine.subList(before, mine.size()));
    int marker = indexOf(after, "reloaded");
    List<String> differences = after.subList(0, marker).stream()
        .map(c -> c.getString("type") + " " + c.getString("domain")).toList();
    assertThat(differences).containsExactlyInAnyOrder("removed goes.example", "added new.example",
        "subdomain_added muc.new.example", "added newest.example");
    assertThat(after.get(marker).getLong("event_id")).isEqualTo(behind.syncStatus().appliedEventId());
    assertThat(after.subList(0, marker)).allSatisfy(c ->
        assertThat(c.getLong("event_id")).isLessThanOrEqualTo(after.get(marker).getLong("event_id")));
    assertThat(after.stream().map(c -> c.getString("domain"))).doesNotContain("stays.example");
  }

  @Test
  void aBlockedOrFailingListenerDelaysNobody() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<RegistryChange> quick = new CopyOnWriteArrayList<>();
    Node node = cluster.node(1);
    try (AutoCloseable blocked = node.registry().changes().add(change -> awaitQuietly(release));
         AutoCloseable failing = node.registry().changes().add(change -> {
           throw new IllegalStateException("listener bug");
         });
         AutoCloseable fast = node.registry().changes().add(quick::add)) {
      Await.result(cluster.node(0).service().insert("blocked-1.example", "type1"));
      Await.result(cluster.node(0).service().insert("blocked-2.example", "type1"));
      Await.until("applied on node 1", DEADLINE, () -> node.registry().hostTypeOf("blocked-2.example") != null);
      Await.until("fast listener heard both", DEADLINE, () -> quick.stream()
          .filter(c -> c.domain() != null && c.domain().startsWith("blocked-")).count() == 2);
    } finally {
      release.countDown();
    }
  }

  private io.vertx.core.Future<Void> everywhere(int writer) {
    return cluster.node(writer).service().awaitClusterApplied(DEADLINE);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<JsonObject> about(List<JsonObject> changes, String domain) {
    return changes.stream().filter(c -> domain.equals(c.getString("domain"))
        || ("muc." + domain).equals(c.getString("domain"))).toList();
  }

  private static int indexOf(List<JsonObject> changes, String type) {
    for (int i = 0; i < changes.size(); i++) {
      if (changes.get(i).getString("type").equals(type)) {
        return i;
      }
    }
    return -1;
  }
}
