package org.domainregistry.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit queue is bounded (README "Operating", audit log): while the audit table cannot be
 * written (held by an exclusive lock), at most {@code audit.max_pending_rows} rows wait, refusals
 * before the service only up to half of them; rows beyond are dropped and counted, and the writes
 * themselves are never held up. Once the table is free again the rows that waited are written.
 */
class AuditQueueTest {
  private static final int MAX_PENDING = 10;
  private static final Pattern DROPPED = Pattern.compile("(?m)^domain_registry_audit_dropped_total(\\{[^}]*})? (\\S+)$");
  private String db;
  private Node node;
  private GraphQLClient global;

  @BeforeEach
  void startNode() {
    db = TestDatabase.createDatabase();
    node = AuditRows.startNode(db, Map.of("audit", Map.of("max_pending_rows", MAX_PENDING)));
    global = AuditRows.globalAdmin(node);
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void rowsBeyondTheBoundAreDroppedAndCountedWhileTheTableIsLocked() throws SQLException {
    try (Connection lock = TestDatabase.jdbc(db)) {
      lock.setAutoCommit(false);
      try (Statement statement = lock.createStatement()) {
        statement.execute("LOCK TABLE domain_audit IN EXCLUSIVE MODE");
      }
      Await.result(node.service().insert("first.example", "type1"));
      Await.until("the first audit row waiting for the lock", Duration.ofSeconds(20), this::auditInsertWaits);

      for (int i = 0; i < 8; i++) {
        assertThat(global.as(null).send("PUT", "/api/domains/refused" + i + ".example", "{\"host_type\":\"type1\"}")
            .status()).isEqualTo(401);
      }
      assertThat(dropped()).isEqualTo(3);
      for (int i = 0; i < 8; i++) {
        Await.result(node.service().insert("write" + i + ".example", "type1"));
      }
      assertThat(dropped()).isEqualTo(6);
      assertThat(node.registry().hostTypeOf("write7.example")).isEqualTo("type1");
      lock.rollback();
    }
    AuditRows audit = AuditRows.of(node);
    Await.until("the waiting rows written", Duration.ofSeconds(20), () -> audit.read("").size() == 11);
    assertThat(AuditRows.lines(audit.read("&caller=anonymous"))).hasSize(MAX_PENDING / 2)
        .allMatch(line -> line.endsWith("wrong_credentials"));
    assertThat(AuditRows.lines(audit.read("&caller=system"))).hasSize(6)
        .contains("system insert first.example type1 ok", "system insert write4.example type1 ok")
        .doesNotContain("system insert write5.example type1 ok");
  }

  private boolean auditInsertWaits() {
    try (Connection connection = TestDatabase.jdbc(db); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(
             "SELECT count(*) FROM pg_locks WHERE relation = 'domain_audit'::regclass AND NOT granted")) {
      return rows.next() && rows.getLong(1) > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long dropped() {
    Matcher matcher = DROPPED.matcher(global.send("GET", "/metrics", null).text());
    assertThat(matcher.find()).as("domain_registry_audit_dropped_total in /metrics").isTrue();
    return (long) Double.parseDouble(matcher.group(2));
  }
}
