package org.domainregistry.admins;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Domain admin passwords on a real node and database: only salted hashes are stored, removing a
 * domain or its password ends its admin's logins, and no password ever reaches the logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainAdminPasswordTest {
  private static final String GLOBAL = "admin:secret";
  private final HttpClient http = HttpClient.newHttpClient();
  private String db;
  private Node node;

  @BeforeAll
  void startNode() {
    db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db, Map.of("admin", Map.of("username", "admin", "password", "secret"))));
  }

  @AfterAll
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void theTableNeverHoldsTheClearPassword() {
    add("stored.example");
    setPassword("stored.example", "Clear-Text-Pw-1");

    String details = passDetails("stored.example");

    assertThat(details).doesNotContain("Clear-Text-Pw-1").startsWith("==MULTI_SCRAM==,10000,==SHA512==");
    assertThat(ScramPassword.verify(details, "Clear-Text-Pw-1")).isTrue();
    assertThat(canLogIn("stored.example", "Clear-Text-Pw-1")).isTrue();
  }

  @Test
  void equalPasswordsAreHashedDifferently() {
    add("same-1.example");
    add("same-2.example");
    setPassword("same-1.example", "same password");
    setPassword("same-2.example", "same password");
    String first = passDetails("same-1.example");

    setPassword("same-1.example", "same password");

    assertThat(first).isNotEqualTo(passDetails("same-2.example")).isNotEqualTo(passDetails("same-1.example"));
  }

  @Test
  void removingADomainRemovesItsPassword() {
    for (String removal : new String[] {"removeDomain", "requestRemoveDomain"}) {
      String domain = removal.toLowerCase() + ".example";
      add(domain);
      setPassword(domain, "pw-" + removal);
      assertThat(canLogIn(domain, "pw-" + removal)).isTrue();

      graphql(GLOBAL, "mutation { domain { " + removal + "(domain: \"" + domain + "\", hostType: \"type1\") { status } } }");
      Await.until(domain + " removed", Duration.ofSeconds(10), () -> passDetailsOrNull(domain) == null
          && node.service().details(domain).transform(details -> Future.succeededFuture(details.failed()))
              .toCompletionStage().toCompletableFuture().join());
      add(domain);

      assertThat(canLogIn(domain, "pw-" + removal)).as("old password after re-adding " + domain).isFalse();
    }
  }

  @Test
  void deletingThePasswordEndsLogins() {
    add("deleted-pw.example");
    setPassword("deleted-pw.example", "pw");

    graphql(GLOBAL, "mutation { domain { deleteDomainPassword(domain: \"deleted-pw.example\") } }");

    assertThat(passDetailsOrNull("deleted-pw.example")).isNull();
    assertThat(canLogIn("deleted-pw.example", "pw")).isFalse();
  }

  @Test
  void disabledDomainsGetNoPasswordAndStaticOnesDo() {
    add("disabled-pw.example");
    graphql(GLOBAL, "mutation { domain { disableDomain(domain: \"disabled-pw.example\") { status } } }");

    JsonObject disabled = setPassword("disabled-pw.example", "pw");
    setPassword("static.example", "static-pw");

    assertThat(disabled.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"))
        .isEqualTo("not_found");
    assertThat(passDetailsOrNull("disabled-pw.example")).isNull();
    assertThat(canLogIn("static.example", "static-pw")).isTrue();
  }

  @Test
  void passwordsWrittenByMongooseImAreAccepted() {
    add("legacy.example");
    TestDatabase.execute(db, "INSERT INTO domain_admins (domain, pass_details) VALUES ('legacy.example', "
        + "'==SCRAM==,tmi5IE+9pceRV/jkPLFHEaVY33c=,MiWNa8T3dniVDwmh77ufJ41fpAQ=,inKXODlSY5y5SCsLxibi0w==,4096')");

    assertThat(canLogIn("legacy.example", "misio")).isTrue();
    assertThat(canLogIn("legacy.example", "misia")).isFalse();
  }

  @Test
  void passwordsNeverAppearInTheLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      add("logged.example");
      setPassword("logged.example", "Pw-Set-By-Global");
      setPassword("absent-logged.example", "Pw-For-Absent");
      canLogIn("logged.example", "Pw-Wrong-Attempt");
      graphql("admin@logged.example:Pw-Set-By-Global", "mutation { domain { setDomainPassword("
          + "domain: \"other-logged.example\", password: \"Pw-Not-Permitted\") } }");
      graphql("admin@logged.example:Pw-Set-By-Global", "mutation { domain { setDomainPassword("
          + "domain: \"logged.example\", password: \"Pw-Set-By-Domain-Admin\") } }");
    } finally {
      root.detachAppender(appender);
    }

    List<String> logged = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      logged.add(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        logged.add(t.getMessage());
      }
    }
    assertThat(logged).isNotEmpty();
    assertThat(String.join("\n", logged)).doesNotContain("Pw-");
  }

  private void add(String domain) {
    JsonObject reply = graphql(GLOBAL, "mutation { domain { addDomain(domain: \"" + domain + "\", hostType: \"type1\") { domain } } }");
    assertThat(reply.containsKey("errors")).as(reply.encode()).isFalse();
  }

  private JsonObject setPassword(String domain, String password) {
    return graphql(GLOBAL, "mutation ($d: DomainName!, $p: NonEmptyString!) { domain { setDomainPassword(domain: $d, password: $p) } }",
        new JsonObject().put("d", domain).put("p", password));
  }

  private boolean canLogIn(String domain, String password) {
    return status("admin@" + domain + ":" + password,
        "{ domain { domainDetails(domain: \"" + domain + "\") { domain } } }") == 200;
  }

  private String passDetails(String domain) {
    String details = passDetailsOrNull(domain);
    assertThat(details).as("pass_details of " + domain).isNotNull();
    return details;
  }

  private String passDetailsOrNull(String domain) {
    try (Connection conn = TestDatabase.jdbc(db);
         PreparedStatement st = conn.prepareStatement("SELECT pass_details FROM domain_admins WHERE domain = ?")) {
      st.setString(1, domain);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonObject graphql(String credentials, String query) {
    return graphql(credentials, query, new JsonObject());
  }

  private JsonObject graphql(String credentials, String query, JsonObject variables) {
    return new JsonObject(post(credentials, query, variables).body());
  }

  private int status(String credentials, String query) {
    return post(credentials, query, new JsonObject()).statusCode();
  }

  private HttpResponse<String> post(String credentials, String query, JsonObject variables) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/graphql"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("query", query).put("variables", variables).encode()))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
