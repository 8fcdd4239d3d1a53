package org.domainregistry.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The limits of one GraphQL request (README "Security"): the 1 300 aliased {@code setDomainPassword}
 * calls of issue 11, deep introspection and long field lists are refused with
 * {@code query_too_complex} before anything runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLimitsTest {
  private static final String OWN = "limits.example";
  private Node node;
  private GraphQLClient global;

  @BeforeAll
  void startNode() {
    node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(),
        Map.of("admin", Map.of("username", "admin", "password", "secret"),
            "http", Map.of("host", "127.0.0.1", "port", 0, "max_body_bytes", 1_048_576))));
    global = new GraphQLClient(node.httpPort(), "admin:secret");
    assertThat(global.graphql(GraphQLDomainApiTest.ADD, vars("domain", OWN, "hostType", "type1")).hasErrors()).isFalse();
    assertThat(global.graphql(GraphQLDomainApiTest.SET_PASSWORD, vars("domain", OWN, "password", "before"))
        .hasErrors()).isFalse();
  }

  @AfterAll
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void thirteenHundredAliasedPasswordChangesAreRefusedAndNoneRuns() {
    StringBuilder query = new StringBuilder("mutation { domain {");
    for (int i = 0; i < 1300; i++) {
      query.append(" a").append(i).append(": setDomainPassword(domain: \"" + OWN + "\", password: \"p" + i + "\")");
    }
    assertRefused(global.graphql(query.append(" } }").toString()));
    GraphQLClient domainAdmin = global.as("admin@" + OWN + ":before");
    assertThat(domainAdmin.graphql(GraphQLDomainApiTest.DETAILS, vars("domain", OWN)).hasErrors()).isFalse();
  }

  @Test
  void sixteenAliasesAreRefusedAndFifteenRun() {
    assertRefused(global.graphql(aliasedDetails(QueryLimits.MAX_ALIASES + 1)));
    GraphQLClient.Reply fifteen = global.graphql(aliasedDetails(QueryLimits.MAX_ALIASES));
    assertThat(fifteen.status()).as(fifteen.text()).isEqualTo(200);
    assertThat(fifteen.hasErrors()).isFalse();
  }

  @Test
  void deepIntrospectionIsRefused() {
    String deep = "{ __schema { types { " + "fields { type { ".repeat(8) + "name" + " } }".repeat(8) + " } } }";
    assertRefused(global.graphql(deep));
  }

  @Test
  void moreFieldsThanTheComplexityLimitAreRefused() {
    String types = "__schema { types { name kind description fields { name description isDeprecated deprecationReason"
        + " args { name description defaultValue type { name kind ofType { name kind ofType { name kind } } } }"
        + " type { name kind ofType { name kind } } } inputFields { name description } interfaces { name }"
        + " enumValues { name description } possibleTypes { name } } }";
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < QueryLimits.MAX_ALIASES; i++) {
      many.append(" s").append(i).append(": ").append(types);
    }
    assertRefused(global.graphql(many.append(" }").toString()));
  }

  @Test
  void unpagedListsBeyondTheCapAreRefusedWithAHint() {
    assertThat(QueryLimits.unpaged(new ArrayList<>(Collections.nCopies(QueryLimits.MAX_UNPAGED_ITEMS, "x"))))
        .hasSize(QueryLimits.MAX_UNPAGED_ITEMS);
    assertThatThrownBy(() -> QueryLimits.unpaged(Collections.nCopies(QueryLimits.MAX_UNPAGED_ITEMS + 1, "x")))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.error()).isEqualTo(DomainError.QUERY_TOO_COMPLEX))
        .hasMessageContaining("limit and cursor");
  }

  private static String aliasedDetails(int count) {
    StringBuilder query = new StringBuilder("{ domain {");
    for (int i = 0; i < count; i++) {
      query.append(" d").append(i).append(": domainDetails(domain: \"" + OWN + "\") { domain }");
    }
    return query.append(" } }").toString();
  }

  private static void assertRefused(GraphQLClient.Reply reply) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.errorCode()).as(reply.text()).isEqualTo(DomainError.QUERY_TOO_COMPLEX.code());
    assertThat(reply.body().containsKey("data") && reply.body().getValue("data") != null).isFalse();
    assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static JsonObject vars(String... pairs) {
    JsonObject vars = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put(pairs[i], pairs[i + 1]);
    }
    return vars;
  }
}
