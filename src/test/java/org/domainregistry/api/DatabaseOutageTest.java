package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.assertError;
import static org.domainregistry.support.RestClient.domainPath;
import static org.domainregistry.support.RestClient.json;
import static org.domainregistry.support.RestClient.lookupPath;
import static org.domainregistry.support.RestClient.noContent;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.domainregistry.bus.Addresses;
import org.domainregistry.node.Node;
import org.domainregistry.api.HttpErrors;
import org.domainregistry.registry.DomainError;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.StoppableDatabase;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database really stops under a running node (README "Guarantees", "REST admin API"): writes answer 503
 * {@code db_unavailable}, lookups keep answering from memory, readiness reports the outage, and the
 * node catches up by itself when the database returns.
 */
class DatabaseOutageTest {
  private static final Duration RECOVERY = Duration.ofSeconds(40);
  private StoppableDatabase database;
  private Node node;
  private RestClient api;

  @BeforeEach
  void startNode() {
    database = new StoppableDatabase();
    node = TestNodes.start(TestNodes.config(database.url(), Map.of()));
    api = RestClient.of(node);
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
    database.close();
  }

  @Test
  void theNodeServesFromMemoryDuringAnOutageAndRecoversByItself() {
    noContent(api.put(domainPath("before.example"), hostType("type1")), 204);
    noContent(api.put(domainPath("disabled-before.example"), hostType("type2")), 204);
    noContent(api.patch(domainPath("disabled-before.example"), enabled(false)), 204);
    assertThat(json(api.get("/health/ready"), 200).getString("outcome")).isEqualTo("UP");

    database.stop();

    Await.until("database seen down", RECOVERY, () -> json(api.get("/api/sync"), 200).getString("stale_since") != null);
    JsonObject notReady = HealthTest.check(json(api.get("/health/ready"), 200), "database");
    assertThat(notReady.getString("database")).isEqualTo("down");
    assertThat(Instant.parse(notReady.getString("stale_since"))).isBefore(Instant.now());
    assertThat(json(api.get("/api/sync"), 200).getString("stale_since")).isEqualTo(notReady.getString("stale_since"));

    assertUnavailable();
    assertThat(json(api.get(lookupPath("before.example")), 200)).isEqualTo(new JsonObject()
        .put("domain", "before.example").put("host_type", "type1").put("source", "dynamic"));
    assertThat(json(api.get(lookupPath("localhost")), 200).getString("source")).isEqualTo("static");
    assertError(api.get(lookupPath("disabled-before.example")), 404, "not_found", "Given domain does not exist");
    assertThat(json(api.get("/health/live"), 200).getString("outcome")).isEqualTo("UP");

    database.start();
    TestDatabase.execute(database.url(),
        "INSERT INTO domain_settings (domain, host_type) VALUES ('other.example', 'type1')",
        "INSERT INTO domain_events (domain) VALUES ('other.example')");

    Await.until("database seen up again", RECOVERY, () -> json(api.get("/api/sync"), 200).getString("stale_since") == null);
    Await.until("another writer's domain applied", RECOVERY,
        () -> api.get(lookupPath("other.example")).statusCode() == 200);
    assertThat(json(api.get("/api/sync"), 200).getString("stale_since")).isNull();
    noContent(api.put(domainPath("after.example"), hostType("type2")), 204);
    assertThat(json(api.get(lookupPath("after.example")), 200).getString("host_type")).isEqualTo("type2");
    noContent(api.patch(domainPath("disabled-before.example"), enabled(true)), 204);
    assertThat(json(api.get(lookupPath("disabled-before.example")), 200).getString("host_type")).isEqualTo("type2");
    assertThat(json(api.get(domainPath("before.example")), 200).getString("status")).isEqualTo("enabled");
    assertError(api.get(domainPath("during.example")), 404, "not_found", "Given domain does not exist");
  }

  /** Every route that needs the database answers 503, over HTTP and over the event bus. */
  private void assertUnavailable() {
    assertError(api.put(domainPath("during.example"), hostType("type1")), DomainError.DB_UNAVAILABLE);
    assertError(api.patch(domainPath("before.example"), enabled(false)), DomainError.DB_UNAVAILABLE);
    assertError(api.delete(domainPath("before.example"), hostType("type1")), DomainError.DB_UNAVAILABLE);
    assertError(api.get(domainPath("before.example")), DomainError.DB_UNAVAILABLE);
    assertError(api.get("/api/domains"), DomainError.DB_UNAVAILABLE);
    assertThat(HttpErrors.status(DomainError.DB_UNAVAILABLE)).isEqualTo(503);
    assertThat(DomainError.DB_UNAVAILABLE.code()).isEqualTo("db_unavailable");

    Throwable failure = Await.failure(node.vertx().eventBus().request(Addresses.INSERT,
        new JsonObject().put("domain", "during.example").put("host_type", "type1")));
    assertThat(failure).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) failure).failureCode()).isEqualTo(DomainError.DB_UNAVAILABLE.failureCode());
  }

  private static JsonObject hostType(String hostType) {
    return new JsonObject().put("host_type", hostType);
  }

  private static JsonObject enabled(boolean enabled) {
    return new JsonObject().put("enabled", enabled);
  }
}
