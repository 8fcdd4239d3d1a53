package org.domainregistry.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.removal.RemovalChecks.assertGone;
import static org.domainregistry.removal.RemovalChecks.refusal;
import static org.domainregistry.support.RestClient.assertError;
import static org.domainregistry.support.RestClient.domainPath;
import static org.domainregistry.support.RestClient.json;
import static org.domainregistry.support.RestClient.lookupPath;
import static org.domainregistry.support.RestClient.noContent;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.SiblingService;
import org.domainregistry.support.SiblingService.ScriptedHandler;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Background removal (README "Domain removal and sibling services") over the REST API of a real three-node cluster: the job is
 * persisted before the 202, run by exactly one node, retried with backoff, and its progress shows
 * in the domain's details. Each test has a host type of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackgroundRemovalTest {
  private static final long RETRY_BASE_MS = 200;
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private String db;
  private TestCluster cluster;
  private SiblingService sibling;
  private RestClient api;

  @BeforeAll
  void startCluster() {
    db = TestDatabase.createDatabase();
    cluster = new TestCluster(db, 3).start(Map.of(
        "host_types", List.of("background", "refused", "retried", "sync-failed"),
        "removal", Map.of("lease_ms", 1_000, "poll_interval_ms", 100, "retry_base_ms", RETRY_BASE_MS,
            "retry_max_ms", 1_000)));
    sibling = new SiblingService(cluster.joinSibling());
    api = RestClient.of(cluster.node(0));
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  private void insert(String domain, String hostType) {
    noContent(api.put(domainPath(domain) + "?wait=cluster", new JsonObject().put("host_type", hostType)), 204);
  }

  private static JsonObject removal(String hostType) {
    return new JsonObject().put("host_type", hostType).put("request", true);
  }

  @Test
  void aRequestedRemovalIsPersistedBeforeThe202ThenRunByExactlyOneNode() {
    ScriptedHandler handler = sibling.register("background-once", List.of("background"), 0).hang();
    insert("requested.example", "background");

    noContent(api.delete(domainPath("requested.example") + "?wait=cluster", removal("background")), 202);

    assertThat(RemovalChecks.jobs(db, "requested.example")).isEqualTo(1);
    for (Node node : cluster.nodes()) {
      assertThat(RestClient.of(node).get(lookupPath("requested.example")).statusCode()).isEqualTo(404);
    }
    JsonObject details = json(api.get(domainPath("requested.example")), 200);
    assertThat(details.getString("status")).isEqualTo("deleting");
    assertThat(details.getJsonObject("removal").fieldNames())
        .containsExactlyInAnyOrder("attempts", "last_error", "next_attempt_at", "running", "handlers_done",
            "handlers_total");
    assertThat(details.getJsonObject("removal").getInteger("attempts")).isZero();
    Await.until("the handler to be called", DEADLINE, () -> !sibling.callsFor("requested.example").isEmpty());
    JsonObject running = json(api.get(domainPath("requested.example")), 200).getJsonObject("removal");
    assertThat(running.getInteger("handlers_done")).as("the one handler still hangs").isZero();
    assertThat(running.getInteger("handlers_total")).isEqualTo(1);
    handler.release();
    Await.until("the domain to be gone", DEADLINE, () -> RemovalChecks.status(db, "requested.example") == -1);

    assertThat(sibling.callsFor("requested.example")).containsExactly("background-once");
    Await.result(cluster.node(0).service().awaitClusterApplied(DEADLINE));
    assertGone(db, "requested.example", cluster.nodes());
    assertError(api.get(domainPath("requested.example")), DomainError.NOT_FOUND);
  }

  @Test
  void aRequestRefusedBeforeAnyWorkIsA403AndChangesNothing() {
    insert("refused.example", "refused");

    assertError(api.delete(domainPath("refused.example"), removal("background")), DomainError.WRONG_HOST_TYPE);
    assertError(api.delete(domainPath("refused.example"), removal("nope")), DomainError.UNKNOWN_HOST_TYPE);
    noContent(api.delete(domainPath("absent.example"), removal("refused")), 202);

    assertThat(json(api.get(domainPath("refused.example")), 200).getString("status")).isEqualTo("enabled");
    assertThat(RemovalChecks.jobs(db, "refused.example")).isZero();
  }

  @Test
  void aFailingRemovalIsRetriedWithBackoffAndItsProgressIsVisibleUntilItSucceeds() {
    List<Long> callTimes = new CopyOnWriteArrayList<>();
    ScriptedHandler flaky = sibling.register("retried-flaky", List.of("retried"), 0).fail("index busy")
        .onCall(body -> callTimes.add(System.nanoTime()));
    insert("retried.example", "retried");

    noContent(api.delete(domainPath("retried.example"), removal("retried")), 202);
    Await.until("three failed attempts", DEADLINE, () -> attempts("retried.example") >= 3);

    JsonObject progress = json(api.get(domainPath("retried.example")), 200).getJsonObject("removal");
    assertThat(progress.getString("last_error")).isEqualTo("Cleanup handler retried-flaky failed: index busy");
    assertThat(Instant.parse(progress.getString("next_attempt_at"))).isAfter(Instant.now().minusSeconds(5));
    flaky.succeed();
    Await.until("the domain to be gone", DEADLINE, () -> RemovalChecks.status(db, "retried.example") == -1);

    List<Long> gapsMs = gapsMs(callTimes);
    assertThat(gapsMs.get(0)).as("first retry delay, ms").isGreaterThanOrEqualTo(RETRY_BASE_MS);
    assertThat(gapsMs.get(1)).as("second retry delay, ms").isGreaterThanOrEqualTo(2 * RETRY_BASE_MS);
    assertThat(sibling.callsFor("retried.example")).hasSize(callTimes.size()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void aFailedSynchronousRemovalIsFinishedInTheBackgroundWithoutAnotherCall() {
    ScriptedHandler once = sibling.register("sync-failed-once", List.of("sync-failed"), 0).fail("try later");
    insert("sync-failed.example", "sync-failed");

    assertError(api.delete(domainPath("sync-failed.example"), new JsonObject().put("host_type", "sync-failed")),
        502, "cleanup_failed", "Cleanup handler sync-failed-once failed: try later");
    assertThat(refusal(cluster.node(1).service().remove("sync-failed.example", "sync-failed")).error())
        .isEqualTo(DomainError.CLEANUP_FAILED);
    once.succeed();

    Await.until("the worker to finish the removal", DEADLINE,
        () -> RemovalChecks.status(db, "sync-failed.example") == -1);
    assertThat(sibling.callsFor("sync-failed.example")).hasSize(3);
  }

  private int attempts(String domain) {
    JsonObject details = json(api.get(domainPath(domain)), 200);
    return details.getJsonObject("removal").getInteger("attempts");
  }

  private static List<Long> gapsMs(List<Long> times) {
    List<Long> gaps = new CopyOnWriteArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add((times.get(i) - times.get(i - 1)) / 1_000_000);
    }
    return gaps;
  }
}
