package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.assertErrorCode;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Login throttling over real HTTP (README "Security"): failures per address and per domain-admin
 * account end in 429 {@code too_many_failed_logins} with {@code Retry-After}, and logins beyond
 * the bound of those in progress are 503 {@code busy}. Each test has a node of its own, as all
 * requests come from one address.
 */
class LoginThrottlingTest {
  private Node node;

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void anAccountIsThrottledBeforeItsAddressAndTheGlobalAdminOnlyByAddress() {
    start(Map.of("max_failures_per_address", 3, "max_failures_per_account", 2, "window_s", 600));
    for (int i = 0; i < 2; i++) {
      assertErrorCode(as("admin@acct.example:wrong").get("/api/domains"), 401, "wrong_credentials");
    }
    HttpResponse<Buffer> throttled = as("admin@acct.example:wrong").get("/api/domains");
    assertErrorCode(throttled, 429, "too_many_failed_logins");
    assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isBetween(1L, 600L);
    assertThat(as("admin:s3cret").get("/api/domains").statusCode()).isEqualTo(200);

    assertErrorCode(as("admin:wrong").get("/api/domains"), 401, "wrong_credentials");
    HttpResponse<Buffer> address = as("admin:s3cret").get("/api/domains");
    assertErrorCode(address, 429, "too_many_failed_logins");
    assertThat(address.getHeader("Retry-After")).isNotNull();
  }

  @Test
  void requestsWithoutCredentialsDoNotCountAsFailures() {
    start(Map.of("max_failures_per_address", 1, "max_failures_per_account", 1, "window_s", 600));
    for (int i = 0; i < 3; i++) {
      assertErrorCode(RestClient.of(node).get("/api/domains"), 401, "wrong_credentials");
    }
    assertThat(as("admin:s3cret").get("/api/domains").statusCode()).isEqualTo(200);
  }

  @Test
  void loginsBeyondThoseInProgressAreBusy() {
    start(Map.of("hashing_threads", 1, "max_pending_logins", 1));
    WebClient client = WebClient.create(node.vertx());
    List<Future<HttpResponse<Buffer>>> flood = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      flood.add(client.get(node.httpPort(), "127.0.0.1", "/api/domains")
          .putHeader("Authorization", basic("admin@flood" + i + ".example:wrong")).send());
    }
    Await.result(Future.all(flood));
    List<Integer> statuses = flood.stream().map(f -> f.result().statusCode()).toList();
    assertThat(statuses).containsOnly(401, 503).contains(503);
    flood.stream().filter(f -> f.result().statusCode() == 503)
        .forEach(f -> assertThat(f.result().bodyAsJsonObject().getString("code")).isEqualTo("busy"));
  }

  private void start(Map<String, Object> login) {
    Map<String, Object> limits = new java.util.HashMap<>(Map.of(
        "max_failures_per_address", 1_000_000, "max_failures_per_account", 1_000_000));
    limits.putAll(login);
    node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(), Map.of(
        "admin", Map.of("username", "admin", "password", "s3cret"), "login", limits)));
  }

  private RestClient as(String credentials) {
    return RestClient.of(node).withHeader("Authorization", basic(credentials));
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
