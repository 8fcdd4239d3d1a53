package org.domainregistry.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.api.graphql.GraphQLDomainApiTest.vars;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Stream;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what (README "GraphQL admin API", "Domain admins"): the global admin of the config may do everything; {@code admin@<domain>}
 * with that domain's password may only read the details of, and set the password for, its own
 * domain; anything else is {@code no_permissions} and changes nothing; wrong credentials are 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPermissionsTest {
  private static final String OWN = "own.example";
  private static final String OTHER = "other.example";
  private static final String OWN_PASSWORD = "own-pass";
  private Node node;
  private GraphQLClient global;
  private GraphQLClient domainAdmin;

  @BeforeAll
  void startNode() {
    node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(),
        Map.of("admin", Map.of("username", "admin", "password", "secret"))));
    global = new GraphQLClient(node.httpPort(), "admin:secret");
    domainAdmin = global.as("admin@" + OWN + ":" + OWN_PASSWORD);
    for (String domain : new String[] {OWN, OTHER}) {
      assertThat(global.graphql(GraphQLDomainApiTest.ADD, vars("domain", domain, "hostType", "type1")).hasErrors()).isFalse();
    }
    setPassword(global, OWN, OWN_PASSWORD);
  }

  @AfterAll
  void stopNode() {
    Await.result(node.stop());
  }

  private static GraphQLClient.Reply setPassword(GraphQLClient client, String domain, String password) {
    return client.graphql(GraphQLDomainApiTest.SET_PASSWORD, vars("domain", domain, "password", password));
  }

  private static GraphQLClient.Reply details(GraphQLClient client, String domain) {
    return client.graphql(GraphQLDomainApiTest.DETAILS, vars("domain", domain));
  }

  @Test
  void requestsWithoutCredentialsAreRefusedInTheShapeOfTheirApi() {
    GraphQLClient anonymous = global.as(null);

    GraphQLClient.Reply graphql = details(anonymous, OWN);
    GraphQLClient.Reply rest = anonymous.send("GET", "/api/domains/" + OWN, null);

    assertThat(graphql.status()).isEqualTo(401);
    assertThat(graphql.errorCode()).isEqualTo("wrong_credentials");
    assertThat(rest.status()).isEqualTo(401);
    assertThat(rest.body().getString("code")).isEqualTo("wrong_credentials");
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin:wrong", "root:secret", "admin@own.example:wrong", "admin@own.example:",
      "admin@other.example:own-pass", "admin@unknown.example:own-pass", "admin@a..b:own-pass", "admin@own.example"})
  void wrongCredentialsAre401(String credentials) {
    GraphQLClient.Reply reply = details(global.as(credentials), OWN);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("wrong_credentials");
    assertThat(reply.body().containsKey("data")).isFalse();
  }

  @Test
  void theGlobalAdminMayDoEverything() {
    assertThat(global.graphql(GraphQLDomainApiTest.ALL).status()).isEqualTo(200);
    assertThat(global.graphql(GraphQLDomainApiTest.BY_HOST_TYPE, vars("hostType", "type1")).status()).isEqualTo(200);
    assertThat(details(global, OTHER).object("domainDetails").getString("domain")).isEqualTo(OTHER);
    assertThat(global.send("GET", "/api/domains/" + OTHER, null).status()).isEqualTo(200);
  }

  @Test
  void aDomainAdminReadsTheDetailsOfItsOwnDomainInAnySpelling() {
    assertThat(details(domainAdmin, OWN).object("domainDetails")).isEqualTo(new JsonObject()
        .put("domain", OWN).put("hostType", "type1").put("status", "ENABLED").put("type", "DYNAMIC"));
    assertThat(details(domainAdmin, "OWN.Example").status()).isEqualTo(200);
    assertThat(details(global.as("admin@OWN.example:" + OWN_PASSWORD), OWN).status()).isEqualTo(200);
  }

  @Test
  void aDomainAdminChangesItsOwnPassword() {
    assertThat(setPassword(domainAdmin, OWN, "changed").data("setDomainPassword"))
        .isEqualTo("Domain password set successfully");
    GraphQLClient changed = global.as("admin@" + OWN + ":changed");

    assertThat(details(domainAdmin, OWN).status()).isEqualTo(401);
    assertThat(details(changed, OWN).status()).isEqualTo(200);
    assertThat(setPassword(changed, OWN, OWN_PASSWORD).hasErrors()).isFalse();
  }

  static Stream<Arguments> everythingElse() {
    String own = "{\"domain\": \"" + OWN + "\", \"hostType\": \"type1\"}";
    return Stream.of(
        Arguments.of(GraphQLDomainApiTest.ADD, "{\"domain\": \"new.example\", \"hostType\": \"type1\"}"),
        Arguments.of(GraphQLDomainApiTest.ADD, own),
        Arguments.of(GraphQLDomainApiTest.REMOVE, own),
        Arguments.of(GraphQLDomainApiTest.REQUEST_REMOVE, own),
        Arguments.of(GraphQLDomainApiTest.DISABLE, own),
        Arguments.of(GraphQLDomainApiTest.ENABLE, own),
        Arguments.of(GraphQLDomainApiTest.BY_HOST_TYPE, own),
        Arguments.of(GraphQLDomainApiTest.ALL, "{}"),
        Arguments.of(GraphQLDomainApiTest.DETAILS, "{\"domain\": \"" + OTHER + "\"}"),
        Arguments.of(GraphQLDomainApiTest.SET_PASSWORD, "{\"domain\": \"" + OTHER + "\", \"password\": \"x\"}"),
        Arguments.of(GraphQLDomainApiTest.DELETE_PASSWORD, "{\"domain\": \"" + OWN + "\"}"),
        Arguments.of(GraphQLDomainApiTest.DELETE_PASSWORD, "{\"domain\": \"" + OTHER + "\"}"));
  }

  @ParameterizedTest
  @MethodSource("everythingElse")
  void aDomainAdminMayDoNothingElseAndChangesNothing(String query, String variables) {
    GraphQLClient.Reply reply = domainAdmin.graphql(query, new JsonObject(variables));

    assertThat(reply.status()).as(reply.text()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("no_permissions");
    assertThat(reply.errorMessage()).startsWith("Cannot execute query ");
    assertThat(reply.body().containsKey("data")).isFalse();
    assertUnchanged();
  }

  @Test
  void aRequestWithOneForbiddenCommandIsRefusedWhole() {
    GraphQLClient.Reply reply = domainAdmin.graphql("mutation { domain { "
        + "setDomainPassword(domain: \"" + OWN + "\", password: \"hijacked\") "
        + "addDomain(domain: \"sneaky.example\", hostType: \"type1\") { domain } } }");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("no_permissions");
    assertThat(reply.firstError().getJsonArray("path")).containsExactly("domain", "addDomain");
    assertThat(details(global, "sneaky.example").errorCode()).isEqualTo("not_found");
    assertUnchanged();
  }

  @Test
  void aDomainAdminMayIntrospect() {
    GraphQLClient.Reply reply = domainAdmin.graphql("{ __typename domain { __typename } }");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().getJsonObject("data").getString("__typename")).isEqualTo("AdminQuery");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /api/domains/own.example", "GET /api/domains", "GET /api/lookup/own.example",
      "GET /api/sync", "PATCH /api/domains/own.example", "DELETE /api/domains/own.example"})
  void aDomainAdminMayNotUseTheRestApi(String route) {
    String[] parts = route.split(" ");
    String body = parts[0].equals("GET") ? null : "{\"enabled\": false, \"host_type\": \"type1\"}";

    GraphQLClient.Reply reply = domainAdmin.send(parts[0], parts[1], body);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body().getString("code")).isEqualTo("no_permissions");
    assertUnchanged();
  }

  private void assertUnchanged() {
    assertThat(details(global, OWN).object("domainDetails").getString("status")).isEqualTo("ENABLED");
    assertThat(details(global, "new.example").errorCode()).isEqualTo("not_found");
    assertThat(details(domainAdmin, OWN).status()).as("own password still valid").isEqualTo(200);
    assertThat(details(global.as("admin@" + OTHER + ":x"), OTHER).status()).as("no password on other").isEqualTo(401);
  }
}
