package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.assertError;
import static org.domainregistry.support.RestClient.domainPath;
import static org.domainregistry.support.RestClient.json;
import static org.domainregistry.support.RestClient.noContent;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP Basic authentication of the admin API when credentials are configured (README "REST admin API"). */
class AdminAuthTest {
  private static Node node;

  @BeforeAll
  static void startNode() {
    node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(),
        Map.of("admin", Map.of("username", "admin", "password", "s3cret"))));
  }

  @AfterAll
  static void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void missingCredentialsAreRefusedWithAChallenge() {
    RestClient anonymous = RestClient.of(node);

    assertRefused(anonymous.put(domainPath("anonymous.example"), hostType("type1")));
    assertRefused(anonymous.get(domainPath("localhost")));
    assertRefused(anonymous.get("/api/lookup/localhost"));
    assertRefused(anonymous.get("/api/domains"));
    assertRefused(anonymous.get("/api/sync"));
    assertNeverWritten("anonymous.example");
  }

  @Test
  void wrongCredentialsAreRefused() {
    for (String header : List.of(basic("admin", "wrong"), basic("Admin", "s3cret"), basic("admin", "s3cret "),
        basic("admin", ""), "Basic !!!not-base64!!!", "Bearer s3cret", basic("admin:s3cret", ""))) {
      RestClient intruder = RestClient.of(node).withHeader("Authorization", header);
      assertRefused(intruder.put(domainPath("intruder.example"), hostType("type1")));
      assertRefused(intruder.get(domainPath("localhost")));
    }
    assertNeverWritten("intruder.example");
  }

  @Test
  void rightCredentialsAreServed() {
    RestClient admin = admin();

    noContent(admin.put(domainPath("admin.example"), hostType("type1")), 204);
    assertThat(json(admin.get(domainPath("admin.example")), 200).getString("status")).isEqualTo("enabled");
    assertThat(json(admin.get("/api/lookup/admin.example"), 200).getString("host_type")).isEqualTo("type1");
    noContent(RestClient.of(node).withHeader("Authorization", "basic " + credentials("admin", "s3cret"))
        .patch(domainPath("admin.example"), new JsonObject().put("enabled", false)), 204);
    assertThat(json(admin.get(domainPath("admin.example")), 200).getString("status")).isEqualTo("disabled");
  }

  @Test
  void healthChecksStayOpen() {
    RestClient anonymous = RestClient.of(node);

    assertThat(json(anonymous.get("/health/live"), 200).getString("outcome")).isEqualTo("UP");
    assertThat(json(anonymous.get("/health/ready"), 200).getString("outcome")).isEqualTo("UP");
  }

  private static void assertRefused(HttpResponse<Buffer> response) {
    assertError(response, 401, "wrong_credentials", "Wrong credentials");
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic realm=");
  }

  private static void assertNeverWritten(String domain) {
    assertError(admin().get(domainPath(domain)), 404, "not_found", "Given domain does not exist");
  }

  private static RestClient admin() {
    return RestClient.of(node).withHeader("Authorization", basic("admin", "s3cret"));
  }

  private static String basic(String user, String password) {
    return "Basic " + credentials(user, password);
  }

  private static String credentials(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject hostType(String hostType) {
    return new JsonObject().put("host_type", hostType);
  }
}
