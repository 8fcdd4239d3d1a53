package org.domainregistry.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.domainregistry.support.Await;
import org.domainregistry.support.NodeProcess;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM under write load (README "Operating", shutdown): a node in a process of its own stops
 * taking writes ({@code 503 shutting_down}), finishes those in flight, logs each step and exits
 * within {@code shutdown.timeout_ms}; every write it acknowledged is in the database.
 */
class GracefulShutdownTest {
  private static final int WRITERS = 4;

  @Test
  void noAcknowledgedWriteIsLostOnSigterm() throws Exception {
    String db = TestDatabase.createDatabase();
    int http = TestCluster.freePort();
    NodeProcess node = NodeProcess.start("""
        http: { host: 127.0.0.1, port: %d }
        db: { url: "%s", pool_size: 4 }
        host_types: [type1]
        shutdown: { timeout_ms: 10000 }
        """.formatted(http, db), http, Duration.ofSeconds(90));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      Thread thread = new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          String domain = "w" + writer + "-" + i + ".example";
          try {
            var response = node.send("PUT", "/api/domains/" + domain, "{\"host_type\": \"type1\"}");
            if (response.statusCode() == 204) {
              acknowledged.add(domain);
            } else if (response.statusCode() == 503 && response.body().contains("shutting_down")) {
              refused.incrementAndGet();
            } else {
              throw new AssertionError(response.statusCode() + " " + response.body());
            }
          } catch (RuntimeException e) {
            break; // the listener closed: the node is going away
          }
        }
        done.countDown();
      });
      thread.setDaemon(true);
      thread.start();
    }
    Await.until("writes under way", Duration.ofSeconds(60), () -> acknowledged.size() >= 200);

    int exit = node.terminate(Duration.ofSeconds(30));
    stop.set(true);
    done.await();

    assertThat(exit).isEqualTo(143);
    String log = node.log();
    assertThat(log).contains("Shutdown 1/5", "Shutdown 2/5: in-flight writes finished", "Shutdown 3/5",
        "Shutdown 4/5: removal leases released", "Shutdown 5/5").doesNotContain("given up");
    assertThat(stored(db)).containsAll(acknowledged);
  }

  private static Set<String> stored(String url) throws Exception {
    Set<String> domains = new HashSet<>();
    try (Connection connection = TestDatabase.jdbc(url);
         ResultSet rows = connection.createStatement().executeQuery("SELECT domain FROM domain_settings")) {
      while (rows.next()) {
        domains.add(rows.getString(1));
      }
    }
    return domains;
  }
}
