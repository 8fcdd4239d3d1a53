package org.domainregistry.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.domainPath;
import static org.domainregistry.support.RestClient.json;
import static org.domainregistry.support.RestClient.lookupPath;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.service.DomainService;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node restarted on the same database serves exactly what is enabled there (README "Guarantees"), and a
 * database row named like a static domain never overrides the static pair (README "How it works").
 */
class RestartTest {
  private static final List<String> ALLOWED = List.of("type1", "type2", "dummy auth");
  private String db;
  private Node node;

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.createDatabase();
  }

  @AfterEach
  void stopNode() {
    if (node != null) {
      Await.result(node.stop());
    }
  }

  @Test
  void aRestartedNodeServesWhatIsEnabledInTheDatabase() {
    node = startNode();
    DomainService service = node.service();
    Await.result(service.insert("kept.example", "type1"));
    Await.result(service.insert("dummy.example", "dummy auth"));
    Await.result(service.insert("disabled.example", "type2"));
    Await.result(service.setEnabled("disabled.example", false));
    Await.result(service.insert("reenabled.example", "type2"));
    Await.result(service.setEnabled("reenabled.example", false));
    Await.result(service.setEnabled("reenabled.example", true));
    Await.result(service.insert("removed.example", "type1"));
    Await.result(service.remove("removed.example", "type1"));
    Await.result(service.insert("bücher.example", "type1"));
    Set<String> servedBefore = dynamicDomains(node.registry());
    Await.result(node.stop());

    node = startNode();

    Set<String> expected = Set.of("kept.example", "dummy.example", "reenabled.example", "xn--bcher-kva.example");
    assertThat(servedBefore).isEqualTo(expected);
    assertThat(dynamicDomains(node.registry())).isEqualTo(expected);
    assertThat(node.registry().dynamicSize()).isEqualTo(expected.size());
    assertThat(node.registry().hostTypeOf("kept.example")).isEqualTo("type1");
    assertThat(node.registry().hostTypeOf("dummy.example")).isEqualTo("dummy auth");
    assertThat(node.registry().hostTypeOf("reenabled.example")).isEqualTo("type2");
    assertThat(node.registry().hostTypeOf("disabled.example")).isNull();
    assertThat(node.registry().hostTypeOf("removed.example")).isNull();
    assertThat(node.syncStatus().ready()).isTrue();
    assertThat(Await.result(node.service().details("disabled.example")).status().jsonName()).isEqualTo("disabled");

    Await.result(node.service().setEnabled("disabled.example", true));
    assertThat(node.registry().hostTypeOf("disabled.example")).as("writes work after the restart").isEqualTo("type2");
  }

  @Test
  void aDatabaseRowNamedLikeAStaticDomainIsIgnored() {
    TestDatabase.execute(db, "CREATE TABLE IF NOT EXISTS domain_settings (id BIGSERIAL NOT NULL UNIQUE, "
        + "domain VARCHAR(250) NOT NULL, host_type VARCHAR(250) NOT NULL, status SMALLINT NOT NULL DEFAULT 1, "
        + "PRIMARY KEY(domain))",
        "CREATE TABLE IF NOT EXISTS domain_events (id BIGSERIAL NOT NULL, domain VARCHAR(250) NOT NULL, "
        + "PRIMARY KEY(id))",
        "INSERT INTO domain_settings (domain, host_type) VALUES ('static.example', 'type2')",
        "INSERT INTO domain_events (domain) VALUES ('static.example')");

    node = startNode();
    assertStaticWins("static.example", "type1", "type2");

    applyChange("INSERT INTO domain_settings (domain, host_type) VALUES ('localhost', 'type1')", "localhost");
    assertStaticWins("localhost", "localhost", "type1");

    applyChange("UPDATE domain_settings SET status = 0 WHERE domain = 'localhost'", "localhost");
    assertStaticWins("localhost", "localhost", "type1");
    assertThat(node.registry().dynamicSize()).isZero();
  }

  /** Lookups, REST details and the listing all show the static pair, never the row's host type. */
  private void assertStaticWins(String domain, String staticType, String rowType) {
    assertThat(node.registry().hostTypeOf(domain)).isEqualTo(staticType);
    assertThat(node.registry().domainsByHostType(rowType)).doesNotContain(domain);
    assertThat(node.registry().domainsByHostType(staticType)).containsOnlyOnce(domain);

    RestClient api = RestClient.of(node);
    assertThat(json(api.get(lookupPath(domain)), 200)).isEqualTo(new JsonObject()
        .put("domain", domain).put("host_type", staticType).put("source", "static"));
    assertThat(json(api.get(domainPath(domain)), 200)).isEqualTo(new JsonObject()
        .put("domain", domain).put("host_type", staticType).put("status", "enabled").put("type", "static"));
    List<Object> listed = new ArrayList<>();
    json(api.get("/api/domains?limit=1000"), 200).getJsonArray("domains").forEach(listed::add);
    assertThat(listed).filteredOn(entry -> domain.equals(((JsonObject) entry).getString("domain")))
        .containsExactly(new JsonObject().put("domain", domain).put("host_type", staticType)
            .put("status", "enabled").put("type", "static"));
  }

  /** Changes a row as another writer would, with its event, and waits until the node has applied it. */
  private void applyChange(String change, String domain) {
    long eventId;
    try (Connection conn = TestDatabase.jdbc(db); Statement st = conn.createStatement()) {
      st.execute(change);
      try (ResultSet rs = st.executeQuery(
          "INSERT INTO domain_events (domain) VALUES ('" + domain + "') RETURNING id")) {
        rs.next();
        eventId = rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Await.until("event " + eventId + " applied", Duration.ofSeconds(10),
        () -> node.syncStatus().appliedEventId() >= eventId);
  }

  private Node startNode() {
    return TestNodes.start(TestNodes.config(db, Map.of("host_types", ALLOWED)));
  }

  /** The dynamic domains of a registry, read through its host type index. */
  private static Set<String> dynamicDomains(DomainRegistry registry) {
    Set<String> domains = new HashSet<>();
    for (String hostType : ALLOWED) {
      domains.addAll(registry.domainsByHostType(hostType));
    }
    domains.removeAll(registry.allStatic().keySet());
    return domains;
  }
}
