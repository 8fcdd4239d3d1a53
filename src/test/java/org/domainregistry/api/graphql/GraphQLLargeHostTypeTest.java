package org.domainregistry.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code domainsByHostType} of a host type too large to sort on the event loop is sorted off it, same answer. */
class GraphQLLargeHostTypeTest {
  private static final int DOMAINS = 12_000;
  private Node node;

  @BeforeEach
  void startNode() {
    String db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db, Map.of()));
    TestDatabase.execute(db, "INSERT INTO domain_settings (domain, host_type) "
            + "SELECT 'big' || g || '.example', 'type2' FROM generate_series(1, " + DOMAINS + ") g",
        "INSERT INTO domain_events (domain) SELECT 'big' || g || '.example' FROM generate_series(1, " + DOMAINS + ") g");
    Await.until("all loaded", Duration.ofSeconds(30), () -> node.registry().dynamicSize() == DOMAINS);
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void aLargeHostTypeIsListedSortedWholeAndByPage() {
    GraphQLClient client = new GraphQLClient(node.httpPort(), null);
    GraphQLClient.Reply all = client.graphql(GraphQLDomainApiTest.BY_HOST_TYPE, new JsonObject().put("hostType", "type2"));
    List<Object> domains = all.array("domainsByHostType").getList();
    assertThat(domains).hasSize(DOMAINS).isSorted();

    GraphQLClient.Reply page = client.graphql(GraphQLDomainApiTest.BY_HOST_TYPE,
        new JsonObject().put("hostType", "type2").put("limit", 3).put("cursor", "big1.example"));
    assertThat(page.array("domainsByHostType").getList())
        .containsExactly("big10.example", "big100.example", "big1000.example");
  }
}
