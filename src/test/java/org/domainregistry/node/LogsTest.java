package org.domainregistry.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.domainregistry.support.Await;
import org.domainregistry.support.NodeProcess;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The logs of a node process (README "Operating", logs): JSON lines when {@code logging.format:
 * json}, an access line per request, each write once at info with its event id, and no credential
 * anywhere — neither the password, nor the Authorization header, nor the database password.
 */
class LogsTest {
  private static final String PASSWORD = "s3cret-Pw-42";

  @Test
  void jsonLinesWithAccessLogAndWritesAndNoCredentials() {
    String db = TestDatabase.createDatabase();
    int http = TestCluster.freePort();
    NodeProcess node = NodeProcess.start("""
        http: { host: 127.0.0.1, port: %d }
        db: { url: "%s", pool_size: 2 }
        host_types: [type1]
        admin: { username: admin, password: "%s" }
        logging: { format: json }
        """.formatted(http, db, PASSWORD), http, Duration.ofSeconds(90));
    try {
      String good = basic("admin:" + PASSWORD);
      String bad = basic("admin:" + PASSWORD + "-wrong");
      assertThat(node.send("PUT", "/api/domains/a.example", "{\"host_type\": \"type1\"}", "Authorization", good)
          .statusCode()).isEqualTo(204);
      assertThat(node.send("PUT", "/api/domains/b.example", "{\"host_type\": \"type1\"}", "Authorization", bad)
          .statusCode()).isEqualTo(401);
      Await.until("access line of the refused request", Duration.ofSeconds(20), () -> lines(node).stream()
          .anyMatch(line -> line.getString("formattedMessage").startsWith("PUT /api/domains/b.example 401")));

      List<JsonObject> lines = lines(node);
      assertThat(node.log().lines().filter(line -> !line.isBlank())).allMatch(line -> line.startsWith("{"));
      assertThat(lines).anyMatch(line -> line.getString("loggerName").equals("http.access")
          && line.getString("formattedMessage").startsWith("PUT /api/domains/a.example 204"));
      assertThat(lines.stream().filter(line -> line.getString("formattedMessage")
          .equals("insert: domain a.example host type type1: event 1"))).hasSize(1);
      assertThat(lines).noneMatch(line -> line.getString("formattedMessage").startsWith("Event 1:"));
      assertThat(node.log()).doesNotContain(PASSWORD, good.substring("Basic ".length()),
          bad.substring("Basic ".length()));
    } finally {
      node.close();
    }
  }

  private static List<JsonObject> lines(NodeProcess node) {
    return node.log().lines().filter(line -> line.startsWith("{")).map(JsonObject::new).toList();
  }

  private static String basic(String userPass) {
    return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
  }
}
