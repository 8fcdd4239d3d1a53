package org.domainregistry.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every query and mutation of the GraphQL {@code domain} category over HTTP on a real node, with
 * MongooseIM's shapes: results, resolver errors (HTTP 200, message of README "Error codes", {@code extensions.code})
 * and request errors (HTTP 400). This node has no admin configured: every request is the global admin's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLDomainApiTest {
  static final String ADD = "mutation ($domain: DomainName!, $hostType: String!) "
      + "{ domain { addDomain(domain: $domain, hostType: $hostType) { domain hostType status } } }";
  static final String REMOVE = "mutation ($domain: DomainName!, $hostType: String!) "
      + "{ domain { removeDomain(domain: $domain, hostType: $hostType) { domain hostType status } } }";
  static final String REQUEST_REMOVE = "mutation ($domain: DomainName!, $hostType: String!) "
      + "{ domain { requestRemoveDomain(domain: $domain, hostType: $hostType) { domain hostType status } } }";
  static final String ENABLE = "mutation ($domain: DomainName!) { domain { enableDomain(domain: $domain) { domain hostType status } } }";
  static final String DISABLE = "mutation ($domain: DomainName!) { domain { disableDomain(domain: $domain) { domain hostType status } } }";
  static final String DETAILS = "query ($domain: DomainName!) { domain { domainDetails(domain: $domain) { domain hostType status type } } }";
  static final String BY_HOST_TYPE = "query ($hostType: String!, $limit: Int, $cursor: DomainName) "
      + "{ domain { domainsByHostType(hostType: $hostType, limit: $limit, cursor: $cursor) } }";
  static final String ALL = "query ($limit: Int, $cursor: DomainName) "
      + "{ domain { allDomains(limit: $limit, cursor: $cursor) { domain hostType status type } } }";
  static final String SET_PASSWORD = "mutation ($domain: DomainName!, $password: NonEmptyString!) "
      + "{ domain { setDomainPassword(domain: $domain, password: $password) } }";
  static final String DELETE_PASSWORD = "mutation ($domain: DomainName!) { domain { deleteDomainPassword(domain: $domain) } }";

  private String db;
  private Node node;
  private GraphQLClient client;

  @BeforeAll
  void startNode() {
    db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db, Map.of()));
    client = new GraphQLClient(node.httpPort(), null);
  }

  @AfterAll
  void stopNode() {
    Await.result(node.stop());
  }

  static JsonObject vars(String... pairs) {
    JsonObject vars = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put(pairs[i], pairs[i + 1]);
    }
    return vars;
  }

  private GraphQLClient.Reply call(String query, String... pairs) {
    return client.graphql(query, vars(pairs));
  }

  private void assertError(GraphQLClient.Reply reply, String code, String message) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.errorCode()).as(reply.text()).isEqualTo(code);
    assertThat(reply.errorMessage()).isEqualTo(message);
  }

  @Test
  void addDomainCreatesAnEnabledDynamicDomainAndAnswersAsMongooseIm() {
    GraphQLClient.Reply reply = call(ADD, "domain", "Add.Example", "hostType", "type1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.object("addDomain").getMap()).containsExactlyInAnyOrderEntriesOf(
        new JsonObject().put("domain", "add.example").put("hostType", "type1").putNull("status").getMap());
    assertThat(call(DETAILS, "domain", "add.example").object("domainDetails")).isEqualTo(new JsonObject()
        .put("domain", "add.example").put("hostType", "type1").put("status", "ENABLED").put("type", "DYNAMIC"));
    assertThat(node.registry().hostTypeOf("add.example")).isEqualTo("type1");
  }

  @Test
  void addingAnExistingPairAgainSucceedsUnchanged() {
    call(ADD, "domain", "again.example", "hostType", "type1");

    GraphQLClient.Reply reply = call(ADD, "domain", "again.example", "hostType", "type1");

    assertThat(reply.hasErrors()).as(reply.text()).isFalse();
    assertThat(reply.object("addDomain").getString("domain")).isEqualTo("again.example");
  }

  @Test
  void internationalisedNamesAreStoredInOneCanonicalForm() {
    assertThat(call(ADD, "domain", "BÜCHER.example", "hostType", "type2").object("addDomain").getString("domain"))
        .isEqualTo("xn--bcher-kva.example");
    assertThat(call(DETAILS, "domain", "bücher.example").object("domainDetails").getString("domain"))
        .isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void staticDomainsAreStaticAndEnabled() {
    assertThat(call(DETAILS, "domain", "localhost").object("domainDetails")).isEqualTo(new JsonObject()
        .put("domain", "localhost").put("hostType", "localhost").put("status", "ENABLED").put("type", "STATIC"));
  }

  @Test
  void everyWriteToAStaticDomainIsRefused() {
    String message = "Domain is static";
    assertError(call(ADD, "domain", "localhost", "hostType", "type1"), "static", message);
    assertError(call(REMOVE, "domain", "static.example", "hostType", "type1"), "static", message);
    assertError(call(REQUEST_REMOVE, "domain", "static.example", "hostType", "type1"), "static", message);
    assertError(call(ENABLE, "domain", "localhost"), "static", message);
    assertError(call(DISABLE, "domain", "localhost"), "static", message);
  }

  @Test
  void resolverErrorsCarryTheArgumentsAsMongooseImDoes() {
    GraphQLClient.Reply reply = call(ADD, "domain", "unknown-type.example", "hostType", "NonExistingHostType");

    assertError(reply, "unknown_host_type", "Unknown host type");
    assertThat(reply.firstError().getJsonObject("extensions").getString("domain")).isEqualTo("unknown-type.example");
    assertThat(reply.firstError().getJsonArray("path")).containsExactly("domain", "addDomain");
    assertThat(reply.body().getJsonObject("data").getJsonObject("domain").getValue("addDomain")).isNull();
    assertThat(call(DETAILS, "domain", "unknown-type.example").errorCode()).isEqualTo("not_found");
  }

  @Test
  void unknownHostTypesAreRefused() {
    assertError(call(REMOVE, "domain", "x.example", "hostType", "nope"), "unknown_host_type", "Unknown host type");
    assertError(call(REQUEST_REMOVE, "domain", "x.example", "hostType", "nope"), "unknown_host_type", "Unknown host type");
    assertError(call(BY_HOST_TYPE, "hostType", "nope"), "unknown_host_type", "Unknown host type");
  }

  @Test
  void addingWithAnotherHostTypeIsADuplicate() {
    call(ADD, "domain", "dup.example", "hostType", "type1");

    assertError(call(ADD, "domain", "dup.example", "hostType", "type2"), "duplicate", "Domain already exists");
    assertThat(call(DETAILS, "domain", "dup.example").object("domainDetails").getString("hostType")).isEqualTo("type1");
  }

  @Test
  void absentDomainsAreNotFound() {
    String message = "Given domain does not exist";
    assertError(call(DETAILS, "domain", "NonExistingDomain"), "not_found", message);
    assertError(call(ENABLE, "domain", "NonExistingDomain"), "not_found", message);
    assertError(call(DISABLE, "domain", "NonExistingDomain"), "not_found", message);
    assertError(call(SET_PASSWORD, "domain", "unknown-domain.com", "password", "secret"), "not_found", message);
    assertError(call(DELETE_PASSWORD, "domain", "unknown-domain.com"), "not_found", "Domain password does not exist");
  }

  @Test
  void removingWithTheWrongHostTypeIsRefused() {
    call(ADD, "domain", "wrong.example", "hostType", "type1");

    String message = "Wrong host type was provided";
    assertError(call(REMOVE, "domain", "wrong.example", "hostType", "type2"), "wrong_host_type", message);
    assertError(call(REQUEST_REMOVE, "domain", "wrong.example", "hostType", "type2"), "wrong_host_type", message);
    assertThat(node.registry().hostTypeOf("wrong.example")).isEqualTo("type1");
  }

  @Test
  void aDomainBeingDeletedCannotBeEnabledOrDisabled() {
    call(ADD, "domain", "deleting.example", "hostType", "type1");
    TestDatabase.execute(db, "UPDATE domain_settings SET status = 2 WHERE domain = 'deleting.example'");

    assertError(call(ENABLE, "domain", "deleting.example"), "deleted", "Domain has been deleted");
    assertError(call(DISABLE, "domain", "deleting.example"), "deleted", "Domain has been deleted");
    assertThat(call(DETAILS, "domain", "deleting.example").object("domainDetails").getString("status"))
        .isEqualTo("DELETING");
  }

  @Test
  void removeDomainDeletesItAndIsIdempotent() {
    call(ADD, "domain", "remove.example", "hostType", "type2");

    GraphQLClient.Reply reply = call(REMOVE, "domain", "remove.example", "hostType", "type2");

    assertThat(reply.object("removeDomain")).isEqualTo(new JsonObject()
        .put("domain", "remove.example").put("hostType", "type2").put("status", "DELETED"));
    assertThat(call(DETAILS, "domain", "remove.example").errorCode()).isEqualTo("not_found");
    assertThat(node.registry().hostTypeOf("remove.example")).isNull();
    GraphQLClient.Reply again = call(REMOVE, "domain", "remove.example", "hostType", "type2");
    assertThat(again.hasErrors()).as(again.text()).isFalse();
  }

  @Test
  void requestRemoveDomainAnswersDeletingAndRemovesInTheBackground() {
    call(ADD, "domain", "request.example", "hostType", "type1");

    GraphQLClient.Reply reply = call(REQUEST_REMOVE, "domain", "request.example", "hostType", "type1");

    assertThat(reply.object("requestRemoveDomain")).isEqualTo(new JsonObject()
        .put("domain", "request.example").put("hostType", "type1").put("status", "DELETING"));
    Await.until("request.example removed", Duration.ofSeconds(10),
        () -> "not_found".equals(call(DETAILS, "domain", "request.example").errorCode()));
    assertThat(call(REQUEST_REMOVE, "domain", "request.example", "hostType", "type1").hasErrors()).isFalse();
  }

  @Test
  void disableAndEnableSetTheStatusAsMongooseImAnswers() {
    call(ADD, "domain", "toggle.example", "hostType", "type2");

    assertThat(call(DISABLE, "domain", "toggle.example").object("disableDomain")).isEqualTo(new JsonObject()
        .put("domain", "toggle.example").putNull("hostType").put("status", "DISABLED"));
    assertThat(call(DETAILS, "domain", "toggle.example").object("domainDetails").getString("status")).isEqualTo("DISABLED");
    assertThat(call(BY_HOST_TYPE, "hostType", "type2").array("domainsByHostType")).doesNotContain("toggle.example");

    assertThat(call(ENABLE, "domain", "toggle.example").object("enableDomain").getString("status")).isEqualTo("ENABLED");
    assertThat(call(BY_HOST_TYPE, "hostType", "type2").array("domainsByHostType")).contains("toggle.example");
  }

  @Test
  void domainsByHostTypeListsEnabledDomainsStaticOnesIncludedByName() {
    call(ADD, "domain", "by-b.example", "hostType", "dummy auth");
    call(ADD, "domain", "by-a.example", "hostType", "dummy auth");
    call(ADD, "domain", "by-c.example", "hostType", "dummy auth");

    assertThat(call(BY_HOST_TYPE, "hostType", "dummy auth").array("domainsByHostType"))
        .containsExactly("by-a.example", "by-b.example", "by-c.example");
    assertThat(call(BY_HOST_TYPE, "hostType", "localhost").array("domainsByHostType")).containsExactly("localhost");
    assertThat(call(BY_HOST_TYPE, "hostType", "type1").array("domainsByHostType")).contains("static.example");
  }

  @Test
  void domainsByHostTypePagesWithLimitAndCursor() {
    call(ADD, "domain", "page-a.example", "hostType", "type2");
    call(ADD, "domain", "page-b.example", "hostType", "type2");
    call(ADD, "domain", "page-c.example", "hostType", "type2");
    JsonObject first = vars("hostType", "type2", "cursor", "page").put("limit", 2);

    JsonArray page = client.graphql(BY_HOST_TYPE, first).array("domainsByHostType");
    JsonArray next = client.graphql(BY_HOST_TYPE, first.copy().put("cursor", page.getString(1)))
        .array("domainsByHostType");

    assertThat(page).containsExactly("page-a.example", "page-b.example");
    assertThat(next.getString(0)).isEqualTo("page-c.example");
  }

  @Test
  void allDomainsListsStaticAndDynamicDomainsInEveryStatusByName() {
    call(ADD, "domain", "all-enabled.example", "hostType", "type1");
    call(ADD, "domain", "all-disabled.example", "hostType", "type1");
    call(DISABLE, "domain", "all-disabled.example");

    JsonArray all = call(ALL).array("allDomains");

    assertThat(all).contains(
        new JsonObject().put("domain", "all-disabled.example").put("hostType", "type1").put("status", "DISABLED")
            .put("type", "DYNAMIC"),
        new JsonObject().put("domain", "all-enabled.example").put("hostType", "type1").put("status", "ENABLED")
            .put("type", "DYNAMIC"),
        new JsonObject().put("domain", "localhost").put("hostType", "localhost").put("status", "ENABLED")
            .put("type", "STATIC"));
    assertThat(all.stream().map(d -> ((JsonObject) d).getString("domain")).toList()).isSorted();
  }

  @Test
  void allDomainsPagesWithLimitAndCursor() {
    call(ADD, "domain", "allpage-1.example", "hostType", "type1");
    call(ADD, "domain", "allpage-2.example", "hostType", "type1");
    call(ADD, "domain", "allpage-3.example", "hostType", "type1");

    JsonArray page = client.graphql(ALL, vars("cursor", "allpage").put("limit", 2)).array("allDomains");
    JsonArray next = client.graphql(ALL, vars("cursor", "allpage-2.example").put("limit", 1)).array("allDomains");

    assertThat(page.stream().map(d -> ((JsonObject) d).getString("domain")))
        .containsExactly("allpage-1.example", "allpage-2.example");
    assertThat(next.getJsonObject(0).getString("domain")).isEqualTo("allpage-3.example");
  }

  @Test
  void aLimitOutOfRangeIsAnInvalidQuery() {
    assertThat(client.graphql(ALL, new JsonObject().put("limit", 0)).errorCode()).isEqualTo("invalid_query");
    assertThat(client.graphql(ALL, new JsonObject().put("limit", 1001)).errorCode()).isEqualTo("invalid_query");
    assertThat(client.graphql(BY_HOST_TYPE, vars("hostType", "type1").put("limit", -1)).errorCode())
        .isEqualTo("invalid_query");
  }

  @Test
  void invalidDomainNamesFailInputCoercionAndChangeNothing() {
    int before = call(ALL).array("allDomains").size();
    for (String invalid : new String[] {"", "a b.example", "%f3", "a..example", "a".repeat(1024)}) {
      GraphQLClient.Reply asVariable = call(ADD, "domain", invalid, "hostType", "type1");
      GraphQLClient.Reply asLiteral = client.graphql("mutation { domain { addDomain(domain: \"" + invalid
          + "\", hostType: \"type1\") { domain } } }");

      for (GraphQLClient.Reply reply : new GraphQLClient.Reply[] {asVariable, asLiteral}) {
        assertThat(reply.status()).as(invalid + ": " + reply.text()).isEqualTo(400);
        assertThat(reply.errorCode()).as(reply.text()).isEqualTo("input_coercion");
        assertThat(reply.body().containsKey("data")).isFalse();
      }
    }
    assertThat(call(ALL).array("allDomains")).hasSize(before);
  }

  @Test
  void otherArgumentsAreCoercedToo() {
    GraphQLClient.Reply emptyPassword = call(SET_PASSWORD, "domain", "localhost", "password", "");
    GraphQLClient.Reply missing = client.graphql(DETAILS, new JsonObject());
    GraphQLClient.Reply wrongType = client.graphql(ALL, new JsonObject().put("limit", "ten"));

    for (GraphQLClient.Reply reply : new GraphQLClient.Reply[] {emptyPassword, missing, wrongType}) {
      assertThat(reply.status()).as(reply.text()).isEqualTo(400);
      assertThat(reply.errorCode()).as(reply.text()).isEqualTo("input_coercion");
    }
  }

  @Test
  void malformedRequestsAreRefusedBeforeRunning() {
    GraphQLClient.Reply syntax = client.graphql("{ domain { allDomains { domain ");
    GraphQLClient.Reply unknownField = client.graphql("{ domain { noSuchCommand } }");
    GraphQLClient.Reply notJson = client.send("POST", "/api/graphql", "{not json");

    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.errorCode()).isEqualTo("parser_error");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.errorCode()).isEqualTo("validation_error");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.errorCode()).isEqualTo("bad_request");
  }

  @Test
  void passwordsCanBeSetAndDeletedByTheGlobalAdmin() {
    call(ADD, "domain", "password.example", "hostType", "type1");

    assertThat(call(SET_PASSWORD, "domain", "password.example", "password", "secret").data("setDomainPassword"))
        .isEqualTo("Domain password set successfully");
    assertThat(call(DELETE_PASSWORD, "domain", "password.example").data("deleteDomainPassword"))
        .isEqualTo("Domain password deleted successfully");
    assertError(call(DELETE_PASSWORD, "domain", "password.example"), "not_found", "Domain password does not exist");
  }
}
