package org.domainregistry.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.json;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestCertificates;
import org.domainregistry.support.TestNodes;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin console (README "Admin console") in a real headless Chromium against a real two-node
 * cluster on real PostgreSQL: log in, add a domain and see it in the list and in the live feed,
 * disable it, see the second node in the cluster view, see an API error, and a domain admin who sees
 * only its own domain, pausing and resuming the feed, and the console over HTTPS. Screenshots go to {@code target/console-screenshots}.
 */
class ConsoleTest {
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final Map<String, Object> ADMIN = Map.of("admin", Map.of("username", "admin", "password", "s3cret"));
  private static TestCluster cluster;
  private static Node node;

  @BeforeAll
  static void startCluster() {
    cluster = new TestCluster(TestDatabase.createDatabase(), 2).start(ADMIN);
    node = cluster.node(0);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void anAdminManagesDomainsAndWatchesTheClusterAndTheFeed() throws Exception {
    try (ConsoleBrowser browser = new ConsoleBrowser()) {
      browser.open(console());
      logIn(browser, "admin", "wrong");
      assertThat(browser.textContaining("error", "wrong_credentials")).contains("Wrong credentials");
      assertThat(browser.byId("app").isDisplayed()).isFalse();

      logIn(browser, "admin", "s3cret");
      browser.textContaining("who", "admin");
      browser.click("nav-changes");
      browser.textContaining("changes-state", "following");

      browser.click("nav-domains");
      browser.type("add-domain", "console.example");
      browser.type("add-host-type", "type1");
      browser.click("add-submit");
      WebElement added = browser.row("domain-rows", "domain", "console.example");
      assertThat(added.getText()).contains("type1").contains("enabled").contains("dynamic");
      assertThat(node.registry().hostTypeOf("console.example")).isEqualTo("type1");

      added.findElement(By.className("act-disable")).click();
      browser.until("console.example shown disabled", d -> browser.row("domain-rows", "domain", "console.example")
          .findElement(By.className("status")).getText().equals("disabled"));
      Await.until("console.example disabled on the other node", Duration.ofSeconds(10),
          () -> cluster.node(1).registry().hostTypeOf("console.example") == null);

      browser.type("add-domain", "unknown-type.example");
      browser.type("add-host-type", "no-such-type");
      browser.click("add-submit");
      assertThat(browser.textContaining("error", "unknown_host_type")).contains("Unknown host type");
      browser.screenshot(SCREENSHOTS.resolve("domains-error.png"));

      browser.type("domain-search", "console.");
      browser.click("domain-search-submit");
      browser.row("domain-rows", "domain", "console.example");
      assertThat(browser.driver().findElements(By.cssSelector("#domain-rows tr[data-domain]"))).hasSize(1);
      browser.screenshot(SCREENSHOTS.resolve("domains.png"));

      browser.click("nav-changes");
      assertThat(browser.rowText("changes-rows", "domain", "console.example")).contains("console.example");
      browser.click("changes-pause");
      browser.textContaining("changes-state", "paused after event");
      RestClient admin = RestClient.of(node).withHeader("Authorization", basic("admin", "s3cret"));
      assertThat(admin.put("/api/domains/while-paused.example", new JsonObject().put("host_type", "type1"))
          .statusCode()).isEqualTo(204);
      browser.click("changes-pause");
      assertThat(browser.rowText("changes-rows", "domain", "while-paused.example"))
          .as("resuming with Last-Event-ID shows the change made during the pause").contains("type1");
      browser.screenshot(SCREENSHOTS.resolve("changes.png"));

      browser.click("nav-audit");
      browser.type("audit-domain", "console.example");
      browser.click("audit-submit");
      assertThat(browser.rowText("audit-rows", "domain", "console.example")).as("who changed what")
          .contains("global_admin").contains("insert");
      browser.screenshot(SCREENSHOTS.resolve("audit.png"));

      browser.click("nav-cluster");
      for (Node member : cluster.nodes()) {
        assertThat(browser.rowText("cluster-rows", "node", member.nodeId())).contains("ready");
      }
      browser.screenshot(SCREENSHOTS.resolve("cluster.png"));
    }
  }

  @Test
  void aDomainAdminSeesOnlyItsOwnDomain() throws Exception {
    RestClient admin = RestClient.of(node).withHeader("Authorization", basic("admin", "s3cret"));
    admin.put("/api/domains/tenant.example", new JsonObject().put("host_type", "type2"));
    JsonObject set = json(admin.send(HttpMethod.POST, "/api/graphql", Buffer.buffer(new JsonObject()
        .put("query", "mutation { domain { setDomainPassword(domain: \"tenant.example\", password: \"t3nant\") } }")
        .encode())), 200);
    assertThat(set.containsKey("errors")).as(set.encode()).isFalse();

    try (ConsoleBrowser browser = new ConsoleBrowser()) {
      browser.open(console());
      logIn(browser, "admin@tenant.example", "t3nant");
      browser.textContaining("who", "domain admin of tenant.example");
      assertThat(browser.textContaining("mydomain-details", "tenant.example")).contains("type2");
      assertThat(browser.byId("nav-domains").isDisplayed()).isFalse();
      assertThat(browser.byId("nav-cluster").isDisplayed()).isFalse();
      browser.screenshot(SCREENSHOTS.resolve("domain-admin.png"));
    }
  }

  @Test
  void theConsoleWorksOverTheTlsOption(@TempDir Path dir) throws Exception {
    TestCertificates.Pem cert = TestCertificates.authority(dir, "unused").selfSigned("127.0.0.1");
    Node tls = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(), Map.of("admin", ADMIN.get("admin"),
        "http", Map.of("host", "127.0.0.1", "port", 0,
            "tls", Map.of("cert_path", cert.cert().toString(), "key_path", cert.key().toString())))));
    try (ConsoleBrowser browser = new ConsoleBrowser(true)) {
      browser.open("https://127.0.0.1:" + tls.httpPort() + "/console/");
      logIn(browser, "admin", "s3cret");
      browser.type("add-domain", "over-tls.example");
      browser.type("add-host-type", "type2");
      browser.click("add-submit");
      assertThat(browser.rowText("domain-rows", "domain", "over-tls.example")).contains("type2");
      assertThat(tls.registry().hostTypeOf("over-tls.example")).isEqualTo("type2");
    } finally {
      Await.result(tls.stop());
    }
  }

  private static void logIn(ConsoleBrowser browser, String user, String password) {
    browser.type("login-user", user);
    browser.type("login-password", password);
    browser.click("login-submit");
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String console() {
    return "http://127.0.0.1:" + node.httpPort() + "/console/";
  }
}
