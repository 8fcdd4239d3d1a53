package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.json;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.domainregistry.bus.Addresses;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.StoppableDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The health endpoints (README "Operating", health) against a real database that really stops:
 * ready stays UP through an outage by default and says so in its body; with
 * {@code health.ready_requires_database} it goes 503. The event bus answers the same.
 */
class HealthTest {
  private static final Duration OUTAGE = Duration.ofSeconds(40);
  private final StoppableDatabase database = new StoppableDatabase();
  private Node node;

  @AfterEach
  void stop() {
    if (node != null) {
      Await.result(node.stop());
    }
    database.close();
  }

  @Test
  void readyStaysUpDuringAnOutageAndSaysTheDatabaseIsDown() {
    node = TestNodes.start(TestNodes.config(database.url(), Map.of()));
    RestClient api = RestClient.of(node);
    Await.result(node.service().insert("a.example", "type1"));

    assertThat(json(api.get("/health/live"), 200).getString("outcome")).isEqualTo("UP");
    JsonObject started = check(json(api.get("/health/started"), 200), "loaded");
    assertThat(started.getBoolean("loaded")).isTrue();
    JsonObject ready = json(api.get("/health/ready"), 200);
    assertThat(check(ready, "loaded").getLong("applied_event_id")).isEqualTo(1L);
    assertThat(check(ready, "loaded").getLong("lag")).isZero();
    assertThat(check(ready, "database").getString("database")).isEqualTo("up");
    assertThat(check(ready, "serving").getInteger("cluster_size")).isEqualTo(1);

    database.stop();
    Await.until("database seen down", OUTAGE,
        () -> "down".equals(check(json(api.get("/health/ready"), 200), "database").getString("database")));
    JsonObject down = check(json(api.get("/health/ready"), 200), "database");
    assertThat(Instant.parse(down.getString("stale_since"))).isBefore(Instant.now());

    JsonObject overBus = Await.result(node.vertx().eventBus()
        .<JsonObject>request(Addresses.HEALTH, new JsonObject().put("probe", "ready"))).body();
    assertThat(overBus.getString("outcome")).isEqualTo("UP");
    assertThat(check(overBus, "database").getString("stale_since")).isEqualTo(down.getString("stale_since"));
    assertThat(overBus.getString("node")).isEqualTo(node.nodeId());

    database.start();
    Await.until("database seen up again", OUTAGE,
        () -> "up".equals(check(json(api.get("/health/ready"), 200), "database").getString("database")));
  }

  @Test
  void readyRequiringTheDatabaseGoesDownDuringAnOutage() {
    node = TestNodes.start(TestNodes.config(database.url(),
        Map.of("health", Map.of("ready_requires_database", true))));
    RestClient api = RestClient.of(node);
    assertThat(json(api.get("/health/ready"), 200).getString("outcome")).isEqualTo("UP");

    database.stop();
    Await.until("readiness down", OUTAGE, () -> api.get("/health/ready").statusCode() == 503);
    JsonObject body = json(api.get("/health/ready"), 503);
    assertThat(body.getString("outcome")).isEqualTo("DOWN");
    assertThat(check(body, "database").getBoolean("required")).isTrue();
    assertThat(json(api.get("/health/live"), 200).getString("outcome")).isEqualTo("UP");
    database.start();
    Await.until("readiness up again", OUTAGE, () -> api.get("/health/ready").statusCode() == 200);
  }

  /** The data of the check {@code id} in a health body. */
  static JsonObject check(JsonObject body, String id) {
    return body.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(check -> id.equals(check.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + id + " in " + body)).getJsonObject("data");
  }
}
