package org.domainregistry.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.api.graphql.GraphQLDomainApiTest.vars;

import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.StoppableDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.Test;

/** While the database is down, GraphQL answers {@code db_unavailable} as a resolver error and static domains still resolve. */
class GraphQLDatabaseOutageTest {

  @Test
  void aDatabaseOutageIsAResolverErrorAndADomainAdminLoginIs503() {
    try (StoppableDatabase database = new StoppableDatabase()) {
      Node node = TestNodes.start(TestNodes.config(database.url(),
          Map.of("admin", Map.of("username", "admin", "password", "secret"))));
      try {
        GraphQLClient global = new GraphQLClient(node.httpPort(), "admin:secret");
        global.graphql(GraphQLDomainApiTest.ADD, vars("domain", "outage.example", "hostType", "type1"));
        global.graphql(GraphQLDomainApiTest.SET_PASSWORD, vars("domain", "outage.example", "password", "pw"));
        database.stop();

        GraphQLClient.Reply dynamic = global.graphql(GraphQLDomainApiTest.DETAILS, vars("domain", "outage.example"));
        GraphQLClient.Reply statics = global.graphql(GraphQLDomainApiTest.DETAILS, vars("domain", "localhost"));
        GraphQLClient.Reply login = global.as("admin@outage.example:pw")
            .graphql(GraphQLDomainApiTest.DETAILS, vars("domain", "outage.example"));

        assertThat(dynamic.status()).isEqualTo(200);
        assertThat(dynamic.errorCode()).isEqualTo("db_unavailable");
        assertThat(dynamic.errorMessage()).isEqualTo("Database unavailable");
        assertThat(statics.object("domainDetails").getString("type")).isEqualTo("STATIC");
        assertThat(login.status()).isEqualTo(503);
        assertThat(login.errorCode()).isEqualTo("db_unavailable");
      } finally {
        Await.result(node.stop());
      }
    }
  }
}
