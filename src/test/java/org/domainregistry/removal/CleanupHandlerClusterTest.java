package org.domainregistry.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.removal.RemovalChecks.assertDeleting;
import static org.domainregistry.removal.RemovalChecks.assertGone;
import static org.domainregistry.removal.RemovalChecks.errorOf;
import static org.domainregistry.removal.RemovalChecks.refusal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domainregistry.bus.Addresses;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.sync.SyncAddresses;
import org.domainregistry.support.Await;
import org.domainregistry.support.DroppedMessages;
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
 * Synchronous removal (README "Domain removal and sibling services") on a real three-node cluster on real PostgreSQL, with sibling
 * services as separate participants of the clustered event bus (a Vert.x of their own, or a
 * node's). Each test has a host type of its own, so its handlers see only its domains.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleanupHandlerClusterTest {
  private static final long HANDLER_TIMEOUT_MS = 1_000;
  private static final long HEARTBEAT_TIMEOUT_MS = 6 * SiblingService.HEARTBEAT_MS;
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final String UNCONFIRMED_HEADER = "X-Unconfirmed-Nodes";
  private String db;
  private TestCluster cluster;
  private SiblingService sibling;

  @BeforeAll
  void startCluster() {
    db = TestDatabase.createDatabase();
    cluster = new TestCluster(db, 3).start(Map.of(
        "host_types", List.of("order", "retry", "timeout", "remote", "concurrent", "concurrent-fail", "none",
            "left", "replaced", "java", "restart", "shared", "partition"),
        "removal", Map.of("handler_timeout_ms", HANDLER_TIMEOUT_MS, "retry_base_ms", 600_000,
            "retry_max_ms", 600_000, "handler_heartbeat_timeout_ms", HEARTBEAT_TIMEOUT_MS)));
    sibling = new SiblingService(cluster.joinSibling());
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  private Node node(int index) {
    return cluster.node(index);
  }

  private void insert(String domain, String hostType) {
    Await.result(node(0).service().insert(domain, hostType)
        .compose(x -> node(0).service().awaitClusterApplied(DEADLINE)));
  }

  @Test
  void handlersRunInPriorityOrderTiesByNameOnlyOnceEveryNodeHasDroppedTheDomain() {
    List<String> servedDuringCleanup = new CopyOnWriteArrayList<>();
    for (String[] handler : new String[][] {{"order-b", "20"}, {"order-z", "10"}, {"order-a", "20"}}) {
      sibling.register(handler[0], List.of("order", "other"), Integer.parseInt(handler[1])).onCall(body -> {
        for (Node node : cluster.nodes()) {
          if (node.registry().hostTypeOf(body.getString("domain")) != null) {
            servedDuringCleanup.add(node.nodeId());
          }
        }
      });
    }
    insert("ordered.example", "order");

    Await.result(node(1).service().remove("Ordered.Example", "order"));

    assertThat(sibling.calls()).filteredOn(call -> call.contains(" ordered.example "))
        .containsExactly("order-z ordered.example order", "order-a ordered.example order",
        "order-b ordered.example order");
    assertThat(servedDuringCleanup).as("nodes still serving the domain while handlers ran").isEmpty();
    assertGone(db, "ordered.example", cluster.nodes());
  }

  @Test
  void aFailingHandlerStopsTheChainAndARepeatedRemovalRetriesFromTheStart() {
    sibling.register("retry-first", List.of("retry"), 1);
    List<Integer> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
    ScriptedHandler flaky = sibling.register("retry-flaky", List.of("retry"), 2).fail("disk full")
        .onCall(body -> attempts.add(body.getInteger("attempt")));
    sibling.register("retry-last", List.of("retry"), 3);
    insert("flaky.example", "retry");

    DomainException failure = refusal(node(0).service().remove("flaky.example", "retry"));

    assertThat(failure.error()).isEqualTo(DomainError.CLEANUP_FAILED);
    assertThat(failure.getMessage()).isEqualTo("Cleanup handler retry-flaky failed: disk full");
    assertThat(sibling.callsFor("flaky.example")).containsExactly("retry-first", "retry-flaky");
    assertDeleting(db, "flaky.example", cluster.nodes());
    assertThat(errorOf(node(1).service().setEnabled("flaky.example", true))).isEqualTo(DomainError.DELETED);
    assertThat(errorOf(node(1).service().insert("flaky.example", "retry"))).isEqualTo(DomainError.DUPLICATE);
    var details = Await.result(node(2).service().details("flaky.example"));
    assertThat(details.status().jsonName()).isEqualTo("deleting");
    assertThat(details.removal()).hasValueSatisfying(progress -> {
      assertThat(progress.attempts()).isEqualTo(1);
      assertThat(progress.lastError()).isEqualTo("Cleanup handler retry-flaky failed: disk full");
      assertThat(progress.running()).isFalse();
    });

    flaky.succeed();
    Await.result(node(2).service().remove("flaky.example", "retry"));

    assertThat(sibling.callsFor("flaky.example"))
        .containsExactly("retry-first", "retry-flaky", "retry-first", "retry-flaky", "retry-last");
    assertThat(attempts).as("each call names the job's attempt").containsExactly(1, 2);
    assertGone(db, "flaky.example", cluster.nodes());
  }

  @Test
  void aHandlerThatDoesNotReplyInTimeFailsTheRemoval() {
    ScriptedHandler silent = sibling.register("timeout-silent", List.of("timeout"), 0).hang();
    insert("silent.example", "timeout");
    long start = System.nanoTime();

    DomainException failure = refusal(node(0).service().remove("silent.example", "timeout"));

    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(failure.error()).isEqualTo(DomainError.CLEANUP_FAILED);
    assertThat(failure.getMessage())
        .isEqualTo("Cleanup handler timeout-silent failed: no reply within " + HANDLER_TIMEOUT_MS + " ms");
    assertThat(elapsedMs).isBetween(HANDLER_TIMEOUT_MS, HANDLER_TIMEOUT_MS + 4_000);
    assertDeleting(db, "silent.example", cluster.nodes());
    silent.release();
  }

  @Test
  void handlersOfSiblingsOnOtherNodesAreCalledFromAnyNode() {
    List<String> javaCalls = new CopyOnWriteArrayList<>();
    Await.result(node(2).service().registerCleanupHandler("remote-java", List.of("remote"), 1,
        (domain, hostType) -> {
          javaCalls.add(domain + " " + hostType);
          return Future.succeededFuture();
        }));
    new SiblingService(node(1).vertx()).register("remote-bus", List.of("remote"), 2);
    insert("remote.example", "remote");

    Await.result(node(0).service().remove("remote.example", "remote"));

    assertThat(javaCalls).containsExactly("remote.example remote");
    assertGone(db, "remote.example", cluster.nodes());
  }

  @Test
  void aSameJvmHandlerCanFailAndBeUnregistered() {
    CleanupRegistration registration = Await.result(node(1).service().registerCleanupHandler("java-failing",
        List.of("java"), 0, (domain, hostType) -> Future.failedFuture("quota store offline")));
    insert("java.example", "java");

    DomainException failure = refusal(node(0).service().remove("java.example", "java"));
    assertThat(failure.getMessage()).isEqualTo("Cleanup handler java-failing failed: quota store offline");

    Await.result(registration.unregister());
    Await.result(node(0).service().remove("java.example", "java"));
    assertGone(db, "java.example", cluster.nodes());
  }

  @Test
  void removalOfADomainWhoseHostTypeIsNotAllowedIsRefusedAndChangesNothing() {
    ScriptedHandler legacy = sibling.register("legacy-cleanup", List.of("legacy"), 0);
    TestDatabase.execute(db, "INSERT INTO domain_settings (domain, host_type) VALUES ('legacy.example', 'legacy')");

    assertThat(errorOf(node(0).service().remove("legacy.example", "legacy"))).isEqualTo(DomainError.UNKNOWN_HOST_TYPE);
    assertThat(errorOf(node(0).service().requestRemove("legacy.example", "legacy")))
        .isEqualTo(DomainError.UNKNOWN_HOST_TYPE);

    assertThat(sibling.callsFor("legacy.example")).isEmpty();
    assertThat(RemovalChecks.status(db, "legacy.example")).isEqualTo(1);
    assertThat(RemovalChecks.jobs(db, "legacy.example")).isZero();
    legacy.leave();
  }

  @Test
  void withNoHandlersRemovalCompletesAtOnce() {
    insert("alone.example", "none");
    long start = System.nanoTime();

    Await.result(node(1).service().remove("alone.example", "none"));

    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertGone(db, "alone.example", cluster.nodes());
    assertThat(elapsedMs).as("removal without handlers, ms").isLessThan(2_000);
    Await.result(node(1).service().remove("alone.example", "none"));
  }

  @Test
  void aHandlerWhoseConsumerIsGoneFailsTheRemovalUntilItIsBack() {
    sibling.register("restart-first", List.of("restart"), 1);
    ScriptedHandler restarting = sibling.register("restart-mam", List.of("restart"), 2);
    restarting.leave();
    insert("restart.example", "restart");

    DomainException failure = refusal(node(0).service().remove("restart.example", "restart"));

    assertThat(failure.error()).isEqualTo(DomainError.CLEANUP_FAILED);
    // "no consumer at ..." once node 0 has seen the unregistration, "no reply within ..." while its
    // cluster subscription cache still lists the gone consumer: a failure either way
    assertThat(failure.getMessage()).matches("Cleanup handler restart-mam failed: (no consumer at |no reply within ).*");
    assertDeleting(db, "restart.example", cluster.nodes());
    assertThat(Await.result(node(1).service().details("restart.example")).removal())
        .hasValueSatisfying(progress -> assertThat(progress.attempts()).isEqualTo(1));
    assertThat(handlerNames("restart")).containsExactly("restart-first", "restart-mam");

    restarting.rejoin();
    Await.result(node(1).service().remove("restart.example", "restart"));

    assertThat(sibling.callsFor("restart.example")).containsExactly("restart-first", "restart-first", "restart-mam");
    assertGone(db, "restart.example", cluster.nodes());
  }

  @Test
  void aHandlerNameServedByTwoNodesKeepsServingWhenOneOfThemUnregistersItsAddress() {
    List<String> calls = new CopyOnWriteArrayList<>();
    List<CleanupRegistration> registrations = List.of(1, 2).stream().map(index -> Await.result(
        node(index).service().registerCleanupHandler("shared-quota", List.of("shared"), 0, (domain, hostType) -> {
          calls.add(index + " " + domain);
          return Future.succeededFuture();
        }))).toList();
    assertThat(handlerAddresses("shared"))
        .containsExactlyInAnyOrderElementsOf(registrations.stream().map(CleanupRegistration::address).toList());

    Await.result(registrations.get(1).unregister());
    insert("shared.example", "shared");
    Await.result(node(0).service().remove("shared.example", "shared"));

    assertThat(calls).containsExactly("1 shared.example");
    assertGone(db, "shared.example", cluster.nodes());
    assertThat(handlerAddresses("shared")).containsExactly(registrations.get(0).address());
  }

  @Test
  void aRegistrationWhoseOwnerStoppedHeartbeatingEndsAfterTheTimeout() {
    Vertx departing = cluster.joinSibling();
    new SiblingService(departing).register("left-gone", List.of("left"), 1);
    sibling.register("left-stays", List.of("left"), 2);
    Await.result(departing.close());
    insert("left.example", "left");

    DomainException failure = refusal(node(0).service().remove("left.example", "left"));
    assertThat(failure.getMessage()).startsWith("Cleanup handler left-gone failed: no consumer at ");
    assertDeleting(db, "left.example", cluster.nodes());

    Await.until("the registration to expire", DEADLINE, () -> handlerNames("left").equals(List.of("left-stays")));
    Await.result(node(0).service().remove("left.example", "left"));

    assertThat(sibling.callsFor("left.example")).containsExactly("left-stays");
    assertGone(db, "left.example", cluster.nodes());
  }

  @Test
  void registeringTheSameNameAtAnotherAddressAddsItAndTheHandlerStillRunsOnce() {
    ScriptedHandler first = sibling.register("replaced-handler", List.of("replaced"), 5);
    ScriptedHandler second = sibling.register("replaced-handler", List.of("replaced"), 5);
    insert("replaced.example", "replaced");

    Await.result(node(0).service().remove("replaced.example", "replaced"));

    assertThat(sibling.callsFor("replaced.example")).containsExactly("replaced-handler");
    assertThat(handlerAddresses("replaced")).containsExactlyInAnyOrder(first.address(), second.address());
  }

  @Test
  void aRemovalWaitsForANodeItCannotReachNoLongerThanThePollAndNamesIt() {
    Node deaf = cluster.node(2);
    insert("partition.example", "partition");
    try (DroppedMessages cutOff = new DroppedMessages(deaf.vertx().eventBus(),
        Set.of(SyncAddresses.nodeAwaitApplied(deaf.nodeId())), 1.0, 1)) {
      HttpResponse<Buffer> reply = RestClient.of(node(0)).delete(RestClient.domainPath("partition.example"),
          new JsonObject().put("host_type", "partition"));

      RestClient.noContent(reply, 204);
      assertThat(reply.getHeader(UNCONFIRMED_HEADER)).isEqualTo(deaf.nodeId());
      assertThat(cutOff.dropped()).isPositive();
    }
    assertGone(db, "partition.example", cluster.nodes());
    HttpResponse<Buffer> healthy = RestClient.of(node(0)).delete(RestClient.domainPath("partition.example"),
        new JsonObject().put("host_type", "partition"));
    assertThat(healthy.getHeader(UNCONFIRMED_HEADER)).isNull();
  }

  @Test
  void concurrentRemovalsFromTwoNodesBothSucceedWithOneCleanup() {
    ScriptedHandler slow = sibling.register("concurrent-slow", List.of("concurrent"), 0).hang();
    insert("race.example", "concurrent");

    Future<?> first = node(0).service().remove("race.example", "concurrent");
    Future<?> second = node(1).service().remove("race.example", "concurrent");
    Await.until("the handler to be called", DEADLINE, () -> !sibling.callsFor("race.example").isEmpty());
    slow.release();

    Await.result(first);
    Await.result(second);
    assertThat(sibling.callsFor("race.example")).containsExactly("concurrent-slow");
    assertGone(db, "race.example", cluster.nodes());
  }

  @Test
  void concurrentRemovalsFromTwoNodesBothReportTheFailureOfTheOneCleanup() {
    ScriptedHandler broken = sibling.register("concurrent-broken", List.of("concurrent-fail"), 0).hang();
    insert("race-fail.example", "concurrent-fail");

    Future<?> first = node(0).service().remove("race-fail.example", "concurrent-fail");
    Future<?> second = node(2).service().remove("race-fail.example", "concurrent-fail");
    Await.until("the handler to be called", DEADLINE, () -> !sibling.callsFor("race-fail.example").isEmpty());
    broken.fail("mailbox locked");

    for (Future<?> removal : List.of(first, second)) {
      DomainException failure = refusal(removal);
      assertThat(failure.error()).isEqualTo(DomainError.CLEANUP_FAILED);
      assertThat(failure.getMessage()).startsWith("Cleanup handler concurrent-broken failed: ");
    }
    assertThat(sibling.callsFor("race-fail.example")).containsExactly("concurrent-broken");
    assertDeleting(db, "race-fail.example", cluster.nodes());
  }

  @Test
  void registrationsOverTheBusAreCheckedAndCanBeUndone() {
    EventBus bus = node(1).vertx().eventBus();
    JsonObject valid = new JsonObject().put("name", "bus-checked").put("host_types", new JsonArray().add("bus"))
        .put("priority", 7).put("address", "sibling.bus-checked");
    List<Object> invalid = List.of("not json", new JsonObject(), valid.copy().put("name", ""),
        valid.copy().put("name", 5), valid.copy().put("host_types", new JsonArray()),
        valid.copy().put("host_types", "bus"), valid.copy().put("host_types", new JsonArray().add(5)),
        valid.copy().put("priority", "high"), valid.copy().put("priority", 1.5), valid.copy().put("priority", 1L << 40),
        valid.copy().put("address", " "), without(valid, "address"), without(valid, "host_types"));
    for (Object body : invalid) {
      ReplyException refused = (ReplyException) Await.failure(bus.request(Addresses.CLEANUP_REGISTER, body));
      assertThat(refused.failureCode()).as("%s", body).isEqualTo(DomainError.INVALID_BODY.failureCode());
    }
    assertThat(handlerNames("bus")).isEmpty();

    assertThat(Await.result(bus.request(Addresses.CLEANUP_REGISTER, without(valid, "priority"))).body())
        .isEqualTo(new JsonObject().put("name", "bus-checked"));
    assertThat(handlerList("bus")).containsExactly(without(valid, "priority").put("priority", 0));
    assertThat(Await.result(bus.request(Addresses.CLEANUP_UNREGISTER, new JsonObject().put("name", "bus-checked")))
        .body()).isEqualTo(new JsonObject().put("name", "bus-checked").put("unregistered", true));
    assertThat(Await.result(bus.request(Addresses.CLEANUP_UNREGISTER, new JsonObject().put("name", "bus-checked")))
        .body()).isEqualTo(new JsonObject().put("name", "bus-checked").put("unregistered", false));
    assertThat(handlerNames("bus")).isEmpty();
  }

  @Test
  void theBusRemoveRunsInTheBackgroundWhenRequested() {
    insert("bus-request.example", "none");
    EventBus bus = sibling.vertx().eventBus();
    JsonObject request = new JsonObject().put("domain", "bus-request.example").put("host_type", "none");

    ReplyException refused =
        (ReplyException) Await.failure(bus.request(Addresses.REMOVE, request.copy().put("request", "yes")));
    assertThat(refused.failureCode()).isEqualTo(DomainError.INVALID_BODY.failureCode());
    assertThat(Await.result(bus.request(Addresses.REMOVE, request.copy().put("request", true))).body())
        .isEqualTo(new JsonObject().put("domain", "bus-request.example"));

    Await.until("the domain to be gone", DEADLINE, () -> RemovalChecks.status(db, "bus-request.example") == -1);
  }

  private static JsonObject without(JsonObject json, String field) {
    JsonObject copy = json.copy();
    copy.remove(field);
    return copy;
  }

  private List<String> handlerNames(String hostType) {
    return handlerList(hostType).stream().map(h -> h.getString("name")).toList();
  }

  private List<String> handlerAddresses(String hostType) {
    return handlerList(hostType).stream().map(h -> h.getString("address")).toList();
  }

  private List<JsonObject> handlerList(String hostType) {
    JsonObject reply = Await.result(node(0).vertx().eventBus().<JsonObject>request(
        Addresses.CLEANUP_LIST, new JsonObject().put("host_type", hostType))).body();
    return reply.getJsonArray("handlers").stream().map(JsonObject.class::cast).toList();
  }
}
