package org.domainregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code domain} CLI run in-process against a real node, as {@code java -jar domain-registry.jar
 * [--config FILE] domain ...} runs it: every command, exit codes, argument errors, help, and finding
 * the node and its credentials in the node's configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainCliTest {
  private static final List<String> COMMANDS = List.of("addDomain", "allDomains", "auditLog", "deleteDomainPassword",
      "disableDomain", "domainDetails", "domainsByHostType", "enableDomain", "removeDomain",
      "requestRemoveDomain", "setDomainPassword");
  private Path dir;
  private Node node;
  private Path config;
  private String db;

  @BeforeAll
  void startNode(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    db = TestDatabase.createDatabase();
    node = TestNodes.start(TestNodes.config(db,
        Map.of("admin", Map.of("username", "admin", "password", "secret"))));
    config = write("node.yaml", "http: { host: 127.0.0.1, port: " + node.httpPort() + " }\n"
        + "admin: { username: admin, password: secret }\n");
  }

  @AfterAll
  void stopNode() {
    Await.result(node.stop());
  }

  /** One run of the CLI. */
  record Run(int exit, String out, String err) {
    JsonObject json() {
      return new JsonObject(out);
    }

    Object data(String command) {
      return json().getJsonObject("data").getJsonObject("domain").getValue(command);
    }

    String errorCode() {
      return json().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code");
    }
  }

  private Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = DomainCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Run domain(String... commandLine) {
    List<String> args = new ArrayList<>(List.of("--config", config.toString(), "domain"));
    args.addAll(List.of(commandLine));
    return run(Map.of(), args.toArray(String[]::new));
  }

  private Run succeeded(String... commandLine) {
    Run run = domain(commandLine);
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).isEmpty();
    return run;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void domainAloneListsEveryCommandWithOneLineOfHelp() {
    Run run = domain();

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    for (String command : COMMANDS) {
      assertThat(run.out()).containsPattern("(?m)^  " + command + " +\\S.*$");
    }
  }

  @Test
  void helpOfACommandListsItsArguments() {
    Run run = domain("addDomain", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("--domain", "DomainName!", "--hostType", "String!");
  }

  @Test
  void theSeedsExamplesWorkWithOnlyTheProgramNameChanged() {
    assertThat(succeeded("addDomain", "--domain", "seed.example", "--hostType", "type1").data("addDomain"))
        .isEqualTo(new JsonObject().put("domain", "seed.example").put("hostType", "type1").putNull("status"));
    assertThat(((JsonObject) succeeded("disableDomain", "--domain", "seed.example").data("disableDomain"))
        .getString("status")).isEqualTo("DISABLED");
    assertThat(((JsonObject) succeeded("enableDomain", "--domain", "seed.example").data("enableDomain"))
        .getString("status")).isEqualTo("ENABLED");
    assertThat(((JsonObject) succeeded("removeDomain", "--domain", "seed.example", "--hostType", "type1")
        .data("removeDomain")).getString("status")).isEqualTo("DELETED");
  }

  @Test
  void importAndExportStreamWithAProgressLine() throws IOException {
    Path csv = write("bulk.csv", "domain,host_type\nbulk1.example,type1\nbulk2.example,type2\n");
    Run imported = domain("import", csv.toString());
    assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
    assertThat(imported.out()).contains("{\"line\":2,\"domain\":\"bulk1.example\",\"result\":\"created\"}",
        "{\"summary\":{\"created\":2,\"unchanged\":0,\"failed\":0}}");
    assertThat(imported.err()).matches("(?s).*imported 2 domains \\(\\d+/s\\)\n");
    Path bad = write("bad.ndjson", "{\"domain\":\"static.example\",\"host_type\":\"type1\"}\n");
    Run refused = domain("import", bad.toString());
    assertThat(refused.exit()).isEqualTo(DomainCli.FAILURE);
    assertThat(refused.out()).contains("\"result\":\"static\"");

    Run exported = domain("export");
    assertThat(exported.exit()).isZero();
    assertThat(exported.out()).startsWith("{\"snapshot_event_id\":")
        .contains("{\"domain\":\"bulk2.example\",\"host_type\":\"type2\",\"status\":\"enabled\"}");
    assertThat(exported.err()).contains("exported ").contains("/s)");
    assertThat(domain("import").err()).contains("Usage: domain import FILE");
  }

  @Test
  void verifyExits0WhenTheNodeEqualsTheDatabaseAnd1ListingTheDomainsThatDiffer() {
    succeeded("addDomain", "--domain", "verify-cli.example", "--hostType", "type1");
    Run equal = succeeded("verify");
    assertThat(equal.json().getBoolean("equal")).isTrue();
    assertThat(equal.json().getLong("checked")).isPositive();

    TestDatabase.execute(db, "UPDATE domain_settings SET host_type = 'type2' WHERE domain = 'verify-cli.example'");
    Run differs = domain("verify");
    assertThat(differs.exit()).isEqualTo(DomainCli.FAILURE);
    assertThat(differs.json().getJsonArray("differences")).containsExactly(new JsonObject()
        .put("domain", "verify-cli.example").put("node_host_type", "type1").put("db_host_type", "type2"));
    TestDatabase.execute(db, "UPDATE domain_settings SET host_type = 'type1' WHERE domain = 'verify-cli.example'");
  }

  @Test
  void queriesPrintTheirJsonResponse() {
    succeeded("addDomain", "--domain", "query.example", "--hostType", "type2");

    Run details = succeeded("domainDetails", "--domain", "Query.Example");
    JsonArray byHostType = (JsonArray) succeeded("domainsByHostType", "--hostType", "type2").data("domainsByHostType");
    JsonArray all = (JsonArray) succeeded("allDomains").data("allDomains");
    JsonArray page = (JsonArray) succeeded("allDomains", "--limit", "1", "--cursor", "query.example").data("allDomains");

    assertThat(details.data("domainDetails")).isEqualTo(new JsonObject().put("domain", "query.example")
        .put("hostType", "type2").put("status", "ENABLED").put("type", "DYNAMIC"));
    assertThat(details.out()).contains("\n  \"data\" : {");
    assertThat(byHostType).contains("query.example");
    assertThat(all.stream().map(d -> ((JsonObject) d).getString("domain"))).contains("localhost", "query.example");
    assertThat(page).hasSize(1);
    assertThat(page.getJsonObject(0).getString("domain")).isGreaterThan("query.example");
  }

  @Test
  void passwordsAndRequestedRemovalsWork() {
    succeeded("addDomain", "--domain", "pw.example", "--hostType", "type1");

    assertThat(succeeded("setDomainPassword", "--domain", "pw.example", "--password", "--secret--")
        .data("setDomainPassword")).isEqualTo("Domain password set successfully");
    assertThat(succeeded("deleteDomainPassword", "--domain", "pw.example").data("deleteDomainPassword"))
        .isEqualTo("Domain password deleted successfully");
    assertThat(((JsonObject) succeeded("requestRemoveDomain", "--domain", "pw.example", "--hostType", "type1")
        .data("requestRemoveDomain")).getString("status")).isEqualTo("DELETING");
  }

  @Test
  void anErrorResponseIsPrintedAndExits1() {
    Run staticDomain = domain("addDomain", "--domain", "localhost", "--hostType", "type1");
    Run invalidName = domain("domainDetails", "--domain", "a..b");

    assertThat(staticDomain.exit()).isEqualTo(1);
    assertThat(staticDomain.errorCode()).isEqualTo("static");
    assertThat(invalidName.exit()).isEqualTo(1);
    assertThat(invalidName.errorCode()).isEqualTo("input_coercion");
  }

  @Test
  void wrongArgumentsExit1WithAClearMessage() {
    Map<String, String> expected = Map.of(
        "nope", "Unknown command 'nope'",
        "addDomain --domain a.example --hostType type1 --foo x", "Unknown argument 'foo' for command 'addDomain'",
        "addDomain --domain a.example", "Missing mandatory arguments for command 'addDomain': 'hostType'",
        "setDomainPassword", "Missing mandatory arguments for command 'setDomainPassword': 'domain', 'password'",
        "addDomain --domain --hostType type1", "Missing value of argument 'domain' for command 'addDomain'",
        "addDomain --domain", "Missing value of argument 'domain' for command 'addDomain'",
        "allDomains --limit ten", "Invalid value 'ten' of argument 'limit' for command 'allDomains'",
        "enableDomain a.example", "Could not parse the command arguments");
    expected.forEach((commandLine, message) -> {
      Run run = domain(commandLine.split(" "));
      assertThat(run.exit()).as(commandLine).isEqualTo(1);
      assertThat(run.err()).as(commandLine).contains(message);
      assertThat(run.out()).as(commandLine).isEmpty();
    });
  }

  @Test
  void environmentOverridesApplyOnTopOfTheConfigFile() throws IOException {
    Path wrongPort = write("wrong-port.yaml", "http: { port: " + closedPort() + " }\n"
        + "admin: { username: admin, password: secret }\n");

    Run run = run(Map.of("DOMAINS_HTTP_PORT", Integer.toString(node.httpPort())),
        "--config", wrongPort.toString(), "domain", "domainDetails", "--domain", "localhost");

    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void withoutConfigTheDefaultFileAndEnvironmentAreUsed() {
    Map<String, String> env = new HashMap<>();
    env.put("DOMAINS_HTTP_PORT", Integer.toString(node.httpPort()));
    env.put("DOMAINS_ADMIN_USERNAME", "admin");
    env.put("DOMAINS_ADMIN_PASSWORD", "secret");

    Run run = run(env, "domain", "domainDetails", "--domain", "localhost");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
  }

  @Test
  void configuredCredentialsAreNeeded() throws IOException {
    Path noAdmin = write("no-admin.yaml", "http: { port: " + node.httpPort() + " }\n");

    Run run = run(Map.of(), "--config", noAdmin.toString(), "domain", "allDomains");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errorCode()).isEqualTo("wrong_credentials");
  }

  @Test
  void aBadConfigurationOrAnUnreachableNodeExit1() throws IOException {
    Run missingFile = run(Map.of(), "--config", dir.resolve("absent.yaml").toString(), "domain", "allDomains");
    Run badValue = run(Map.of("DOMAINS_HTTP_PORT", "not-a-port"), "--config", config.toString(), "domain", "allDomains");
    int port = closedPort();
    Run unreachable = run(Map.of("DOMAINS_HTTP_PORT", Integer.toString(port)), "--config", config.toString(),
        "domain", "allDomains");
    Run noFile = run(Map.of(), "--config");

    assertThat(missingFile.exit()).isEqualTo(1);
    assertThat(missingFile.err()).startsWith("Invalid configuration: ").contains("absent.yaml");
    assertThat(badValue.exit()).isEqualTo(1);
    assertThat(badValue.err()).contains("DOMAINS_HTTP_PORT");
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err()).contains("Cannot reach the node at http://127.0.0.1:" + port + "/api/graphql");
    assertThat(noFile.exit()).isEqualTo(1);
    assertThat(noFile.err()).contains("--config needs a FILE");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
