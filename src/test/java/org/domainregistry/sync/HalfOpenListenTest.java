package org.domainregistry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.PacketFilter;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LISTEN connection made half-open by packet filtering (every packet of that one connection
 * dropped on loopback, the database reachable on every other connection): the liveness query
 * notices, the node listens on a new connection, and a row written by plain SQL afterwards arrives
 * through NOTIFY, the periodic poll being set to ten minutes; a row written while the node was deaf
 * is read by the poll it makes on listening again. Skipped without root or iptables.
 */
class HalfOpenListenTest {
  private static final long CHECK_MS = 1000;
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private String db;
  private Node node;

  @BeforeEach
  void startNode() {
    PacketFilter.assumeAvailable();
    db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db, Map.of("sync",
        Map.of("poll_interval_ms", 600_000, "listen_check_interval_ms", CHECK_MS))));
  }

  @AfterEach
  void stopNode() {
    if (node != null) {
      Await.result(node.stop());
    }
  }

  @Test
  void aHalfOpenListenConnectionIsReplacedAndNotificationsArriveAgain() {
    Await.until("listening", DEADLINE, () -> node.syncStatus().listen().listening());
    int dead = awaitListenPort(0);
    try (PacketFilter filter = new PacketFilter().dropConnection(URI.create(db).getPort(), dead)) {
      insertBySql("while-deaf.example");
      Await.until("the dead LISTEN connection noticed and replaced", DEADLINE,
          () -> node.syncStatus().listen().reconnects() >= 1 && node.syncStatus().listen().listening());
      Await.until("while-deaf.example applied by the poll made on reconnecting", DEADLINE,
          () -> "type1".equals(node.registry().hostTypeOf("while-deaf.example")));
      assertThat(awaitListenPort(dead)).isNotEqualTo(dead);
      insertBySql("after-half-open.example");
      Await.until("after-half-open.example applied through NOTIFY", DEADLINE,
          () -> "type1".equals(node.registry().hostTypeOf("after-half-open.example")));
    }
    JsonObject sync = RestClient.of(node).get("/api/sync").bodyAsJsonObject();
    assertThat(sync.getBoolean("listening")).isTrue();
    assertThat(sync.getLong("listen_reconnects")).isPositive();
  }

  private void insertBySql(String domain) {
    TestDatabase.execute(db, "BEGIN", "INSERT INTO domain_settings (domain, host_type) VALUES ('" + domain + "', 'type1')",
        "INSERT INTO domain_events (domain) VALUES ('" + domain + "')", "COMMIT");
  }

  /** The client port of this node's LISTEN connection other than {@code not}, once there is one. */
  private int awaitListenPort(int not) {
    int[] port = new int[1];
    Await.until("a LISTEN connection in pg_stat_activity", DEADLINE, () -> {
      OptionalInt found = listenPort(not);
      found.ifPresent(p -> port[0] = p);
      return found.isPresent();
    });
    return port[0];
  }

  private OptionalInt listenPort(int not) {
    try (Connection conn = TestDatabase.jdbc(db); Statement st = conn.createStatement();
         ResultSet rows = st.executeQuery("SELECT client_port FROM pg_stat_activity WHERE datname = current_database()"
             + " AND application_name = 'domain-registry-listen' AND client_port <> " + not)) {
      return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
