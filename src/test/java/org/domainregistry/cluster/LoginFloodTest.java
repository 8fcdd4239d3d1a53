package org.domainregistry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.domainPath;
import static org.domainregistry.support.RestClient.noContent;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A login flood on one node does not hold up synchronisation (README "Security"): while wrong
 * domain-admin passwords pour into node 0 (hashing on its own small pool, lookups on the login
 * pool, excess answered 503 {@code busy}), writes on node 1 are applied by node 0, checked by
 * node 0's applied event id reaching each write's.
 */
class LoginFloodTest {
  private static final String ADMIN = "Basic " + encode("admin:secret");
  /** Generous for a loaded machine; the poll interval of the test nodes is 200 ms. */
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void writesOnAnotherNodePropagateDuringAFlood() {
    try (TestCluster cluster = new TestCluster(TestDatabase.createDatabase(), 2).start(Map.of(
        "admin", Map.of("username", "admin", "password", "secret"),
        "login", Map.of("max_failures_per_address", 1_000_000_000, "max_failures_per_account", 1_000_000_000,
            "hashing_threads", 1, "max_pending_logins", 8)))) {
      Node flooded = cluster.node(0);
      Node writer = cluster.node(1);
      AtomicBoolean flooding = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      WebClient client = WebClient.create(flooded.vertx());
      List<Future<Void>> floods = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        floods.add(flood(client, flooded.httpPort(), "admin@flood" + i + ".example:wrong", flooding, answered));
      }
      Await.until("the flood is under way", DEADLINE, () -> answered.get() >= 64);
      RestClient api = RestClient.of(writer).withHeader("Authorization", ADMIN);
      for (int i = 0; i < 5; i++) {
        noContent(api.put(domainPath("during-flood-" + i + ".example"), new JsonObject().put("host_type", "type1")), 204);
        long written = writer.syncStatus().appliedEventId();
        Await.until("node 0 applies event " + written + " during the flood", DEADLINE,
            () -> flooded.syncStatus().appliedEventId() >= written);
        assertThat(flooded.registry().hostTypeOf("during-flood-" + i + ".example")).isEqualTo("type1");
      }
      flooding.set(false);
      Await.result(Future.all(floods));
    }
  }

  /** Sends wrong logins one after another until told to stop; every answer must be 401 or 503,
   * else the flood, and the test, fails. */
  private static Future<Void> flood(WebClient client, int port, String credentials, AtomicBoolean flooding,
                                    AtomicInteger answered) {
    if (!flooding.get()) {
      return Future.succeededFuture();
    }
    return client.get(port, "127.0.0.1", "/api/domains").putHeader("Authorization", "Basic " + encode(credentials))
        .send()
        .compose(response -> check(response).compose(x -> {
          answered.incrementAndGet();
          return flood(client, port, credentials, flooding, answered);
        }));
  }

  private static Future<Void> check(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    return status == 401 || status == 503 ? Future.succeededFuture()
        : Future.failedFuture("flood answered " + status + ": " + response.bodyAsString());
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
