package org.domainregistry.siblings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.SubdomainMatch;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Subdomains (README "Event-bus API", subdomains) on a real 3-node cluster: a config pattern and
 * patterns registered over the bus by a sibling service, looked up over REST and the bus, gone
 * with their parent, refused when conflicting or invalid, and right on every node while
 * thousands of parents come and go concurrently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubdomainClusterTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private TestCluster cluster;
  private Vertx sibling;

  @BeforeAll
  void startCluster() {
    cluster = new TestCluster(TestDatabase.createDatabase(), 3).start(Map.of(
        "sync", Map.of("poll_interval_ms", 300, "gap_fill_delay_ms", 50),
        "subdomains", List.of(Map.of("pattern", "muc.@HOST@", "host_types", List.of("type1"), "owner", "muc"))));
    sibling = cluster.joinSibling();
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  @Test
  void aSubdomainLivesAndDiesWithItsParent() {
    Node node = cluster.node(1);
    RestClient rest = RestClient.of(node);
    RestClient.assertError(rest.get(RestClient.lookupPath("muc.parent.example")), DomainError.NOT_FOUND);
    Await.result(cluster.node(0).service().insert("parent.example", "type1")
        .compose(x -> cluster.node(0).service().awaitClusterApplied(DEADLINE)));
    JsonObject expected = new JsonObject().put("domain", "muc.parent.example").put("host_type", "type1")
        .put("source", "subdomain").put("parent", "parent.example").put("pattern", "muc.@HOST@");
    assertThat(RestClient.json(rest.get(RestClient.lookupPath("MUC.Parent.Example")), 200)).isEqualTo(expected);
    assertThat(request("domains.get_host_type", new JsonObject().put("domain", "muc.parent.example")))
        .isEqualTo(expected);
    Await.result(node.service().setEnabled("parent.example", false));
    RestClient.assertError(rest.get(RestClient.lookupPath("muc.parent.example")), DomainError.NOT_FOUND);
    Await.result(node.service().setEnabled("parent.example", true));
    assertThat(node.registry().findSubdomain("muc.parent.example")).isNotNull();
    Await.result(node.service().remove("parent.example", "type1"));
    assertThat(node.registry().findSubdomain("muc.parent.example")).as("removed parent takes it along").isNull();
  }

  @Test
  void siblingsRegisterListAndUnregisterPatternsForEveryNode() {
    Await.result(cluster.node(2).service().insert("conf-parent.example", "type2"));
    JsonObject registered = request("domains.subdomains.register", new JsonObject().put("pattern", "Conf.@HOST@")
        .put("host_types", new JsonArray().add("type2")).put("owner", "conference"));
    assertThat(registered).isEqualTo(new JsonObject().put("pattern", "conf.@HOST@")
        .put("host_types", new JsonArray().add("type2")).put("owner", "conference"));
    for (Node node : cluster.nodes()) {
      Await.until("conf pattern on " + node.nodeId(), DEADLINE, () -> {
        SubdomainMatch match = node.registry().findSubdomain("conf.conf-parent.example");
        return match != null && match.parent().equals("conf-parent.example") && match.hostType().equals("type2");
      });
    }
    JsonArray listed = request("domains.subdomains.list", new JsonObject()).getJsonArray("patterns");
    assertThat(listed.stream().map(p -> ((JsonObject) p).getString("pattern")).toList())
        .contains("conf.@HOST@", "muc.@HOST@");
    request("domains.subdomains.unregister", new JsonObject().put("pattern", "conf.@HOST@"));
    for (Node node : cluster.nodes()) {
      Await.until("conf pattern gone on " + node.nodeId(), DEADLINE,
          () -> node.registry().findSubdomain("conf.conf-parent.example") == null);
    }
    assertFailure(new JsonObject().put("pattern", "conf.@HOST@"), "domains.subdomains.unregister",
        DomainError.NOT_FOUND);
  }

  @Test
  void conflictingAndInvalidPatternsAreRefused() {
    assertFailure(new JsonObject().put("pattern", "muc.@HOST@").put("host_types", new JsonArray().add("type1"))
        .put("owner", "other"), "domains.subdomains.register", DomainError.SUBDOMAIN_CONFLICT);
    for (String bad : List.of("muc@HOST@", "@HOST@", "a.@HOST@.b", "bad..name", "-x.@HOST@")) {
      assertFailure(new JsonObject().put("pattern", bad).put("host_types", new JsonArray().add("type1")),
          "domains.subdomains.register", DomainError.INVALID_PATTERN);
    }
    assertThat(cluster.node(0).registry().subdomainPatterns()).extracting(p -> p.pattern()).doesNotContain("muc@HOST@");
  }

  @Test
  void aRealDomainWinsOverASubdomainOfTheSameName() {
    Node node = cluster.node(0);
    Await.result(node.service().insert("win.example", "type1"));
    Await.result(node.service().insert("muc.win.example", "type2"));
    JsonObject answer = RestClient.json(RestClient.of(node).get(RestClient.lookupPath("muc.win.example")), 200);
    assertThat(answer).isEqualTo(new JsonObject().put("domain", "muc.win.example").put("host_type", "type2")
        .put("source", "dynamic"));
  }

  @Test
  void subdomainsFollowThousandsOfParentsAddedAndRemovedConcurrently() {
    int parents = 1500;
    Map<String, Integer> balance = new ConcurrentHashMap<>();
    Node watched = cluster.node(2);
    try (AutoCloseable listener = watched.registry().changes().add(change -> {
      if (change.domain() != null && change.domain().startsWith("pubsub.bulk-")) {
        balance.merge(change.domain(), switch (change.type()) {
          case SUBDOMAIN_ADDED -> 1;
          case SUBDOMAIN_REMOVED -> -1;
          default -> 0;
        }, Integer::sum);
      }
    })) {
      List<Future<?>> inserts = new ArrayList<>();
      for (int i = 0; i < parents; i++) {
        inserts.add(cluster.node(i % 3).service().insert("bulk-" + i + ".example", "type1"));
        if (i == parents / 2) {
          inserts.add(sibling.eventBus().request("domains.subdomains.register", new JsonObject()
              .put("pattern", "pubsub.@HOST@").put("host_types", new JsonArray().add("type1")).put("owner", "pubsub")));
        }
        if (i % 200 == 199) {
          Await.result(Future.all(inserts));
          inserts.clear();
        }
      }
      Await.result(Future.all(inserts));
      List<Future<?>> removals = new ArrayList<>();
      for (int i = 1; i < parents; i += 2) {
        removals.add(cluster.node((i + 1) % 3).service().remove("bulk-" + i + ".example", "type1"));
        if (removals.size() == 100) {
          Await.result(Future.all(removals));
          removals.clear();
        }
      }
      Await.result(Future.all(removals).compose(x -> cluster.node(0).service().awaitClusterApplied(DEADLINE)));
      for (Node node : cluster.nodes()) {
        Await.until("pubsub pattern on every node", DEADLINE,
            () -> node.registry().findSubdomain("pubsub.bulk-0.example") != null);
        for (int i = 0; i < parents; i++) {
          boolean kept = i % 2 == 0;
          String parent = "bulk-" + i + ".example";
          for (String prefix : List.of("muc.", "pubsub.")) {
            SubdomainMatch match = node.registry().findSubdomain(prefix + parent);
            assertThat(match != null).as(prefix + parent).isEqualTo(kept);
            if (kept) {
              assertThat(match.parent()).isEqualTo(parent);
            }
          }
        }
      }
      Map<String, Integer> expected = new HashMap<>();
      for (int i = 0; i < parents; i++) {
        expected.put("pubsub.bulk-" + i + ".example", i % 2 == 0 ? 1 : 0);
      }
      Await.until("notifications of node 2 add up", DEADLINE, () -> expected.equals(new HashMap<>(balance)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonObject request(String address, JsonObject body) {
    return Await.result(sibling.eventBus().<JsonObject>request(address, body)).body();
  }

  private void assertFailure(JsonObject body, String address, DomainError error) {
    Throwable failure = Await.failure(sibling.eventBus().request(address, body));
    assertThat(failure).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) failure).failureCode()).isEqualTo(error.failureCode());
    assertThat(failure.getMessage()).isNotBlank();
  }
}
