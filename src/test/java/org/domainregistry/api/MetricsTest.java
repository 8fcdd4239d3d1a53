package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} in the Prometheus text format: Vert.x's own metrics and the registry's state. */
class MetricsTest {
  private Node node;

  @BeforeEach
  void startNode() {
    node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(),
        Map.of("admin", Map.of("username", "admin", "password", "secret"))));
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void metricsShowTheRegistryStateWithoutAuthentication() {
    Await.result(node.service().insert("a.example", "type1"));
    Await.result(node.service().insert("b.example", "type2"));
    var response = RestClient.of(node).get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.bodyAsString();
    assertThat(body).contains("domain_registry_dynamic_domains 2.0", "domain_registry_static_domains 2.0",
        "domain_registry_applied_event_id 2.0", "domain_registry_ready 1.0", "domain_registry_stale_seconds 0.0",
        "vertx_http_server_");
  }
}
