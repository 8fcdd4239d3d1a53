package org.domainregistry.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.domainregistry.bus.Addresses;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log (README "Operating", audit log): a row after every write and every refusal on each
 * face (REST, GraphQL, event bus, Java API), read back with {@code GET /api/audit} and the
 * {@code auditLog} query, paged and filtered, cleaned after its retention, never holding a credential.
 */
class AuditLogTest {
  private String db;
  private Node node;
  private GraphQLClient global;
  private AuditRows audit;

  @BeforeEach
  void startNode() {
    db = TestDatabase.createDatabase();
    node = AuditRows.startNode(db, Map.of("audit", Map.of("cleaning_interval_s", 1, "retention_days", 90)));
    global = AuditRows.globalAdmin(node);
    audit = AuditRows.of(node);
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void everyFaceLeavesARowForWritesAndRefusals() {
    assertThat(global.send("PUT", "/api/domains/rest.example", "{\"host_type\":\"type1\"}").status()).isEqualTo(204);
    assertThat(global.send("PUT", "/api/domains/rest.example", "{\"host_type\":\"type2\"}").status()).isEqualTo(409);
    assertThat(global.graphql(GraphQLDomainApiTest.ADD, vars("gql.example", "type1")).hasErrors()).isFalse();
    assertThat(global.graphql(GraphQLDomainApiTest.ADD, vars("static.example", "type1")).hasErrors()).isTrue();
    var bus = node.vertx().eventBus();
    Await.result(bus.request(Addresses.INSERT, new JsonObject().put("domain", "bus.example").put("host_type", "type1"),
        new DeliveryOptions().addHeader("sibling", "chat-service")));
    Await.failure(bus.request(Addresses.INSERT, new JsonObject().put("domain", "bus.example").put("host_type", "nope")));
    Await.result(node.service().setEnabled("bus.example", false));

    JsonArray items = audit.await(7, "");
    // Rows are written asynchronously once each outcome is known, so their ids need not follow the calls.
    assertThat(AuditRows.lines(items)).containsExactlyInAnyOrder(
        "global_admin insert rest.example type1 ok", "global_admin insert rest.example type2 duplicate",
        "global_admin insert gql.example type1 ok", "global_admin insert static.example type1 static",
        "chat-service insert bus.example type1 ok", "bus:" + Addresses.INSERT + " insert bus.example nope unknown_host_type",
        "system disable bus.example - ok");
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      assertThat(item.getString("node")).isEqualTo(node.nodeId());
      assertThat(item.getString("at")).isNotBlank();
      assertThat(item.getValue("event_id") != null).isEqualTo(item.getString("result").equals("ok"));
    }
    assertThat(items.encode()).doesNotContain("secret");
  }

  @Test
  void pagesAndFiltersByKeysetOnRestAndGraphQL() {
    for (String domain : List.of("a.example", "b.example", "c.example")) {
      Await.result(node.service().as("ops").insert(domain, "type1"));
    }
    Await.failure(node.service().insert("a.example", "type2"));
    JsonArray all = audit.await(4, "");

    JsonObject first = new JsonObject(global.send("GET", "/api/audit?limit=2", null).text());
    assertThat(first.getJsonArray("items")).hasSize(2);
    long next = first.getLong("next");
    assertThat(next).isEqualTo(all.getJsonObject(1).getLong("id"));
    JsonObject second = new JsonObject(global.send("GET", "/api/audit?limit=2&after=" + next, null).text());
    assertThat(second.getJsonArray("items").getJsonObject(0).getString("domain")).isEqualTo("c.example");
    JsonObject last = new JsonObject(global.send("GET", "/api/audit?limit=2&after=" + second.getLong("next"), null).text());
    assertThat(last.getJsonArray("items")).hasSize(0);
    assertThat(last.getValue("next")).isNull();

    assertThat(AuditRows.lines(audit.await(2, "&domain=A.example"))).containsExactly("ops insert a.example type1 ok",
        "system insert a.example type2 duplicate");
    assertThat(AuditRows.lines(audit.await(3, "&caller=ops"))).hasSize(3);
    assertThat(global.send("GET", "/api/audit?limit=0", null).status()).isEqualTo(400);
    assertThat(global.send("GET", "/api/audit?after=x", null).status()).isEqualTo(400);

    GraphQLClient.Reply reply = global.graphql("{ domain { auditLog(caller: \"system\", limit: 5) "
        + "{ items { id caller operation domain hostType result eventId } next } } }");
    JsonObject page = reply.object("auditLog");
    assertThat(page.getJsonArray("items")).hasSize(1);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("result")).isEqualTo("duplicate");
    assertThat(page.getValue("next")).isNull();
  }

  @Test
  void domainAdminsMayNotReadTheLog() {
    Await.result(node.service().insert("own.example", "type1"));
    assertThat(global.graphql("mutation { domain { setDomainPassword(domain: \"own.example\", password: \"pw-9\") } }")
        .hasErrors()).isFalse();
    GraphQLClient admin = global.as("admin@own.example:pw-9");
    assertThat(admin.send("GET", "/api/audit", null).status()).isEqualTo(403);
    assertThat(admin.graphql("{ domain { auditLog { next } } }").errorCode()).isEqualTo("no_permissions");
    assertThat(global.send("GET", "/api/audit", null).text()).doesNotContain("pw-9").doesNotContain("secret");
  }

  @Test
  void rowsOlderThanTheRetentionAreCleaned() {
    Await.result(node.service().insert("old.example", "type1"));
    Await.result(node.service().insert("new.example", "type1"));
    audit.await(2, "");
    TestDatabase.execute(db, "UPDATE domain_audit SET at = now() - interval '91 days' WHERE domain = 'old.example'");
    Await.until("the old row cleaned", Duration.ofSeconds(20), () -> audit.read("").size() == 1);
    assertThat(AuditRows.lines(audit.read(""))).containsExactly("system insert new.example type1 ok");
  }

  private static JsonObject vars(String domain, String hostType) {
    return new JsonObject().put("domain", domain).put("hostType", hostType);
  }
}
