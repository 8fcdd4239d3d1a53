package org.domainregistry.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.assertErrorCode;
import static org.domainregistry.support.RestClient.json;
import static org.domainregistry.support.RestClient.noContent;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What keeps the console and the admin API safe in a browser (README "Admin console"), over real
 * HTTP: strict headers on the console's files, cross-site writes refused before they change
 * anything, no browser login dialog for the console, and the removal-job listing it reads.
 */
class ConsoleSecurityTest {
  private static Node node;
  private static WebClient web;

  @BeforeAll
  static void startNode() {
    node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(),
        Map.of("admin", Map.of("username", "admin", "password", "s3cret"))));
    web = WebClient.create(node.vertx());
  }

  @AfterAll
  static void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void consoleFilesComeWithAStrictContentSecurityPolicyAndNoFraming() {
    for (String file : List.of("/console/", "/console/app.js", "/console/api.js", "/console/console.css")) {
      HttpResponse<Buffer> response = Await.result(web.get(node.httpPort(), "127.0.0.1", file).send());
      assertThat(response.statusCode()).as(file).isEqualTo(200);
      assertThat(response.getHeader("Content-Security-Policy")).as(file)
          .contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'");
      assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
      assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    HttpResponse<Buffer> bare = Await.result(web.get(node.httpPort(), "127.0.0.1", "/console").followRedirects(false).send());
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.getHeader("Location")).isEqualTo("/console/");
  }

  @Test
  void aWriteSentByAnotherSitesPageIsRefusedAndChangesNothing() {
    JsonObject body = new JsonObject().put("host_type", "type1");
    for (Map.Entry<String, String> header : List.of(Map.entry("Origin", "http://evil.example"),
        Map.entry("Sec-Fetch-Site", "cross-site"), Map.entry("Sec-Fetch-Site", "same-site"), Map.entry("Origin", "null"))) {
      HttpResponse<Buffer> refused = admin().withHeader(header.getKey(), header.getValue())
          .put("/api/domains/csrf.example", body);
      assertErrorCode(refused, 403, "cross_site_request");
      assertThat(node.registry().hostTypeOf("csrf.example")).isNull();
      assertErrorCode(admin().get("/api/domains/csrf.example"), 404, "not_found");
    }
    String self = "http://127.0.0.1:" + node.httpPort();
    noContent(admin().withHeader("Origin", self).withHeader("Sec-Fetch-Site", "same-origin")
        .put("/api/domains/csrf.example", body), 204);
    assertThat(json(admin().withHeader("Origin", "http://evil.example").get("/api/domains/csrf.example"), 200)
        .getString("status")).as("reads stay open: a cross-site page cannot read the answer anyway").isEqualTo("enabled");
  }

  @Test
  void theConsoleGetsNoBrowserLoginDialogOtherClientsDo() {
    RestClient wrong = RestClient.of(node).withHeader("Authorization", basic("admin", "wrong"));
    HttpResponse<Buffer> plain = wrong.get("/api/sync");
    assertErrorCode(plain, 401, "wrong_credentials");
    assertThat(plain.getHeader("WWW-Authenticate")).startsWith("Basic");
    HttpResponse<Buffer> console = wrong.withHeader("X-Requested-With", "domain-registry-console").get("/api/sync");
    assertErrorCode(console, 401, "wrong_credentials");
    assertThat(console.getHeader("WWW-Authenticate")).isNull();
  }

  @Test
  void removalJobsAreListedWithTheirLastErrorAndNode() {
    Await.result(node.service().registerCleanupHandler("push-tokens", List.of("type2"), 0,
        (domain, hostType) -> Future.succeededFuture()));
    Await.result(node.service().registerCleanupHandler("stuck-archive", List.of("type2"), 1,
        (domain, hostType) -> Future.failedFuture("archive unavailable")));
    noContent(admin().put("/api/domains/queued.example", new JsonObject().put("host_type", "type2")), 204);
    assertThat(admin().delete("/api/domains/queued.example",
        new JsonObject().put("host_type", "type2").put("request", true)).statusCode()).isEqualTo(202);
    Await.until("the failed attempt listed", Duration.ofSeconds(20), () -> job("queued.example")
        .filter(job -> job.getInteger("attempts") >= 1).isPresent());
    JsonObject job = job("queued.example").orElseThrow();
    assertThat(job.getString("host_type")).isEqualTo("type2");
    assertThat(job.getString("last_error")).contains("archive unavailable");
    assertThat(job.getInteger("handlers_done")).as("push-tokens done, stuck-archive not").isEqualTo(1);
    assertThat(job.getInteger("handlers_total")).isEqualTo(2);
    JsonObject removal = json(admin().get("/api/domains/queued.example"), 200).getJsonObject("removal");
    assertThat(removal.getInteger("handlers_done")).isEqualTo(1);
    assertThat(removal.getInteger("handlers_total")).isEqualTo(2);
    if (job.getBoolean("running")) {
      assertThat(job.getString("node")).as("a running job names its node").isEqualTo(node.nodeId());
    } else {
      assertThat(job.getString("next_attempt_at")).as("a waiting job says when it runs next").isNotBlank();
    }
    assertErrorCode(admin().get("/api/removals?limit=0"), 400, "invalid_query");
  }

  private static Optional<JsonObject> job(String domain) {
    return json(admin().get("/api/removals?limit=1000"), 200).getJsonArray("removals").stream()
        .map(JsonObject.class::cast).filter(job -> job.getString("domain").equals(domain)).findFirst();
  }

  private static RestClient admin() {
    return RestClient.of(node).withHeader("Authorization", basic("admin", "s3cret"));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
