package org.domainregistry.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refused mutations in the audit log (README "Operating", audit log): those refused before the
 * service (credentials, a domain admin on a REST route, an invalid name or body) and GraphQL
 * permission refusals, named by the caller or the name it claimed, never by its password; domain
 * admin password changes; text as a client wrote it stored without control characters.
 */
class AuditRefusalsTest {
  private static final String PUT_TYPE1 = "{\"host_type\":\"type1\"}";
  private Node node;
  private GraphQLClient global;
  private AuditRows audit;

  @BeforeEach
  void startNode() {
    node = AuditRows.startNode(TestDatabase.createDatabase(), Map.of());
    global = AuditRows.globalAdmin(node);
    audit = AuditRows.of(node);
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void restMutationsRefusedBeforeTheServiceLeaveARowNamingWhoAsked() {
    assertThat(global.as(null).send("PUT", "/api/domains/anon.example", PUT_TYPE1).status()).isEqualTo(401);
    assertThat(global.as("mallory:guess-1").send("PATCH", "/api/domains/m.example", "{\"enabled\":false}").status())
        .isEqualTo(401);
    assertThat(global.as("global_admin:guess-2").send("DELETE", "/api/domains/g.example", null).status()).isEqualTo(401);
    assertThat(global.send("PUT", "/api/domains/body.example", "{\"host_type\":5}").status()).isEqualTo(400);
    assertThat(global.send("PUT", "/api/domains/body.example", "not json").status()).isEqualTo(400);
    assertThat(global.send("PUT", "/api/domains/bad%01name.example", PUT_TYPE1).status()).isEqualTo(400);
    assertThat(global.send("DELETE", "/api/domains/" + "x".repeat(300), "{\"request\":true}").status()).isEqualTo(400);
    assertThat(global.as(null).send("GET", "/api/domains/read.example", null).status()).isEqualTo(401);

    assertThat(AuditRows.lines(audit.await(7, ""))).containsExactlyInAnyOrder(
        "anonymous insert anon.example type1 wrong_credentials",
        "mallory disable m.example - wrong_credentials",
        "claimed:global_admin remove g.example - wrong_credentials",
        "global_admin insert body.example - invalid_body",
        "global_admin insert body.example - invalid_body",
        "global_admin insert bad?name.example type1 invalid_domain",
        "global_admin request removal " + "x".repeat(255) + " - invalid_domain");
    assertThat(audit.read("").encode()).doesNotContain("guess-").doesNotContain("secret").doesNotContain("read.example");
  }

  @Test
  void domainAdminRefusalsAndPasswordChangesAreAudited() {
    Await.result(node.service().insert("own.example", "type1"));
    Await.result(node.service().insert("other.example", "type1"));
    assertThat(global.graphql(setPassword("own.example", "pw-own-9")).hasErrors()).isFalse();
    assertThat(global.graphql("mutation { domain { deleteDomainPassword(domain: \"other.example\") } }").errorCode())
        .isEqualTo("not_found");
    GraphQLClient admin = global.as("admin@own.example:pw-own-9");

    assertThat(admin.send("PUT", "/api/domains/rest.example", PUT_TYPE1).status()).isEqualTo(403);
    assertThat(admin.graphql(GraphQLDomainApiTest.ADD, new JsonObject().put("domain", "gql.example")
        .put("hostType", "type1")).errorCode()).isEqualTo("no_permissions");
    assertThat(admin.graphql(setPassword("other.example", "pw-other-9")).errorCode()).isEqualTo("no_permissions");
    assertThat(admin.graphql("{ domain { domainDetails(domain: \"other.example\") { domain } } }").errorCode())
        .isEqualTo("no_permissions");
    assertThat(admin.graphql(setPassword("own.example", "pw-own-10")).hasErrors()).isFalse();

    assertThat(AuditRows.lines(audit.await(8, ""))).containsExactlyInAnyOrder(
        "system insert own.example type1 ok", "system insert other.example type1 ok",
        "global_admin set_domain_password own.example - ok",
        "global_admin remove_domain_password other.example - not_found",
        "admin@own.example insert rest.example type1 no_permissions",
        "admin@own.example insert gql.example type1 no_permissions",
        "admin@own.example set_domain_password other.example - no_permissions",
        "admin@own.example set_domain_password own.example - ok");
    assertThat(audit.read("").encode()).doesNotContain("pw-");
  }

  private static String setPassword(String domain, String password) {
    return "mutation { domain { setDomainPassword(domain: \"" + domain + "\", password: \"" + password + "\") } }";
  }
}
