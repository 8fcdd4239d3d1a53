package org.domainregistry.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestNodes;

/** Reads a node's audit log back over {@code GET /api/audit} as the global admin. */
final class AuditRows {
  private final GraphQLClient global;

  AuditRows(GraphQLClient global) {
    this.global = global;
  }

  /** A node on database {@code db} with the global admin {@code admin:secret} and {@code config} added. */
  static Node startNode(String db, Map<String, Object> config) {
    Map<String, Object> all = new HashMap<>(config);
    all.put("admin", Map.of("username", "admin", "password", "secret"));
    return TestNodes.start(TestNodes.config(db, all));
  }

  /** The reader of {@code node}'s audit log as its global admin. */
  static AuditRows of(Node node) {
    return new AuditRows(globalAdmin(node));
  }

  static GraphQLClient globalAdmin(Node node) {
    return new GraphQLClient(node.httpPort(), "admin:secret");
  }

  /** The rows matching {@code query} (such as {@code &domain=a.example}) once there are at least {@code count}. */
  JsonArray await(int count, String query) {
    Await.until(count + " audit rows", Duration.ofSeconds(20), () -> read(query).size() >= count);
    return read(query);
  }

  JsonArray read(String query) {
    GraphQLClient.Reply reply = global.send("GET", "/api/audit?limit=1000" + query, null);
    assertThat(reply.status()).isEqualTo(200);
    return new JsonObject(reply.text()).getJsonArray("items");
  }

  /** Each row as {@code caller operation domain host-type result}, {@code -} for no host type. */
  static List<String> lines(JsonArray items) {
    return items.stream().map(JsonObject.class::cast).map(item -> String.join(" ", item.getString("caller"),
        item.getString("operation"), item.getString("domain"),
        item.getString("host_type") == null ? "-" : item.getString("host_type"), item.getString("result"))).toList();
  }
}
