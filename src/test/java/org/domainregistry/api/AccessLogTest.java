package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.domainPath;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The access log (README "Operating", logs): every request but answered lookups by default
 * ({@code logging.access_log_lookups}), refused lookups always.
 */
class AccessLogTest {
  @Test
  void answeredLookupsAreLeftOutUnlessAsked() {
    List<String> lines = logged(Map.of("admin", Map.of("username", "admin", "password", "s3cret")), node -> {
      RestClient admin = RestClient.of(node).withHeader("Authorization", "Basic YWRtaW46czNjcmV0");
      assertThat(admin.put(domainPath("logged.example"), new JsonObject().put("host_type", "type1")).statusCode())
          .isEqualTo(204);
      assertThat(admin.get("/api/lookup/logged.example").statusCode()).isEqualTo(200);
      assertThat(admin.get("/api/lookup/absent.example").statusCode()).isEqualTo(404);
      assertThat(RestClient.of(node).get("/api/lookup/logged.example").statusCode()).isEqualTo(401);
      assertThat(admin.get("/api/lookup/bad_name").statusCode()).isEqualTo(400);
      return 3;
    });
    assertThat(lines).anyMatch(line -> line.startsWith("PUT /api/domains/logged.example 204"))
        .anyMatch(line -> line.startsWith("GET /api/lookup/logged.example 401"))
        .anyMatch(line -> line.startsWith("GET /api/lookup/bad_name 400"))
        .noneMatch(line -> line.startsWith("GET /api/lookup/logged.example 200"))
        .noneMatch(line -> line.startsWith("GET /api/lookup/absent.example 404"));
  }

  @Test
  void everyLookupIsLoggedWhenAsked() {
    List<String> lines = logged(Map.of("logging", Map.of("access_log_lookups", true)), node -> {
      assertThat(RestClient.of(node).get("/api/lookup/static.example").statusCode()).isEqualTo(200);
      assertThat(RestClient.of(node).get("/api/lookup/absent.example").statusCode()).isEqualTo(404);
      return 2;
    });
    assertThat(lines).anyMatch(line -> line.startsWith("GET /api/lookup/static.example 200"))
        .anyMatch(line -> line.startsWith("GET /api/lookup/absent.example 404"));
  }

  /** The access lines of a node on {@code overrides} while {@code requests} runs (it says how many lines to expect). */
  private static List<String> logged(Map<String, Object> overrides, java.util.function.ToIntFunction<Node> requests) {
    Logger access = (Logger) LoggerFactory.getLogger("http.access");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level level = access.getLevel();
    access.setLevel(Level.INFO);
    access.addAppender(appender);
    Node node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(), overrides));
    try {
      int expected = requests.applyAsInt(node);
      Await.until("access lines", Duration.ofSeconds(10), () -> lines(appender).size() >= expected);
      return lines(appender);
    } finally {
      Await.result(node.stop());
      access.detachAppender(appender);
      access.setLevel(level);
    }
  }

  private static List<String> lines(ListAppender<ILoggingEvent> appender) {
    synchronized (appender.list) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }
}
