package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domainregistry.bus.Addresses;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} in the Prometheus text format (README "Operating", metrics): Vert.x's own
 * metrics (JVM, HTTP server, event bus) and the registry's gauges and counters, read back after
 * real actions.
 */
class MetricsTest {
  private Node node;
  private RestClient api;

  @BeforeEach
  void startNode() {
    node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(),
        Map.of("admin", Map.of("username", "admin", "password", "secret"))));
    api = RestClient.of(node);
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void metricsShowTheRegistryStateWithoutAuthentication() {
    Await.result(node.service().insert("a.example", "type1"));
    Await.result(node.service().insert("b.example", "type2"));
    String body = scrape();
    assertThat(body).contains("domain_registry_domains{source=\"dynamic\"} 2.0",
        "domain_registry_domains{source=\"static\"} 2.0", "domain_registry_applied_event_id 2.0",
        "domain_registry_ready 1.0", "domain_registry_stale_seconds 0.0", "domain_registry_cluster_size 1.0",
        "domain_registry_lag_events 0.0", "vertx_http_server_", "vertx_eventbus_", "jvm_memory_used_bytes",
        "# TYPE domain_registry_full_reloads_total counter");
    assertThat(value(body, "domain_registry_full_reloads_total")).isEqualTo(1.0);
  }

  /**
   * A client asking to upgrade to HTTP/2 in clear text (Java's {@code HttpClient} does by default)
   * stays on HTTP/1.1: Vert.x's HTTP server metrics fail on the upgraded stream (an ERROR with a
   * NullPointerException in the node's log when the connection closes), README "Operating".
   */
  @Test
  void aClearTextHttp2UpgradeIsDeclinedAndTheRequestAnsweredOverHttp11() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + node.httpPort() + "/health/live")).GET().build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void countersCountWritesLookupsAndPolls() {
    Await.result(node.service().insert("a.example", "type1"));
    Await.failure(node.service().insert("a.example", "type2"));
    Await.failure(node.service().insert("static.example", "type1"));
    Await.result(node.service().setEnabled("a.example", false));
    node.service().hostTypeOf("static.example");
    Await.result(node.vertx().eventBus().request(Addresses.GET_HOST_TYPE, new JsonObject().put("domain", "x.example"))
        .otherwiseEmpty());
    double polls = value(scrape(), "domain_registry_polls_total");
    Await.until("another poll", java.time.Duration.ofSeconds(20),
        () -> value(scrape(), "domain_registry_polls_total") > polls);

    String body = scrape();
    assertThat(value(body, "domain_registry_writes_total{operation=\"insert\",outcome=\"ok\"}")).isEqualTo(1.0);
    assertThat(value(body, "domain_registry_writes_total{operation=\"insert\",outcome=\"duplicate\"}")).isEqualTo(1.0);
    assertThat(value(body, "domain_registry_writes_total{operation=\"insert\",outcome=\"static\"}")).isEqualTo(1.0);
    assertThat(value(body, "domain_registry_writes_total{operation=\"disable\",outcome=\"ok\"}")).isEqualTo(1.0);
    assertThat(value(body, "domain_registry_lookups_total{outcome=\"found\"}")).isEqualTo(1.0);
    assertThat(value(body, "domain_registry_lookups_total{outcome=\"not_found\"}")).isEqualTo(1.0);
    assertThat(value(body, "domain_registry_nudges_total")).isGreaterThanOrEqualTo(2.0);
    assertThat(value(body, "domain_registry_db_errors_total")).isZero();
    assertThat(body).contains("domain_registry_gaps_found_total", "domain_registry_gaps_filled_total",
        "domain_registry_events_cleaned_total");
  }

  private String scrape() {
    var response = api.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsString();
  }

  /** The value of the sample named exactly {@code series} (name and labels). */
  private static double value(String body, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
    assertThat(m.find()).as("sample %s in %s", series, body).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
