package org.domainregistry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.domainregistry.cli.DomainCli;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.DbDigest;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;

/**
 * The CLI face of the hostile-input suite (README "The domain CLI", "Security"): generated command
 * lines end with exit code 0, 1 or 2 and a message, never an exception or a stack trace, and a
 * failed command leaves PostgreSQL as it was.
 */
class HostileCliTest {
  private static final List<String> WORDS = List.of("addDomain", "removeDomain", "requestRemoveDomain", "enableDomain",
      "disableDomain", "domainDetails", "domainsByHostType", "allDomains", "setDomainPassword",
      "deleteDomainPassword", "--domain", "--hostType", "--limit", "--cursor", "--password", "--help", "--", "-x");
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static Node node;
  private static Connection sql;
  private static Path config;

  @BeforeContainer
  static void startNode() throws SQLException, IOException {
    String db = TestDatabase.createDatabase();
    sql = TestDatabase.jdbc(db);
    node = TestNodes.start(TestNodes.config(db, Map.of("admin", Map.of("username", "admin", "password", "secret"))));
    config = Files.createTempFile("hostile-cli", ".yaml");
    Files.writeString(config, "http: { host: 127.0.0.1, port: " + node.httpPort() + " }\n"
        + "admin: { username: admin, password: secret }\n");
  }

  @AfterContainer
  static void stopNode() throws SQLException, IOException {
    System.out.println("Hostile inputs per face: {cli=" + COUNT.get() + "}");
    sql.close();
    Await.result(node.stop());
    Files.deleteIfExists(config);
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
  void commandLines(@ForAll("commandLines") List<String> words) {
    String before = DbDigest.of(sql);
    List<String> args = new ArrayList<>(List.of("--config", config.toString(), "domain"));
    args.addAll(words);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = DomainCli.run(args.toArray(String[]::new), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isBetween(0, 2);
    assertThat(printed).as(String.join(" ", words)).isNotBlank().doesNotContain("\tat ")
        .doesNotContainPattern("[a-z]+\\.[a-z.]+\\.[A-Za-z]*(Exception|Error)");
    if (exit != 0) {
      assertThat(DbDigest.of(sql)).as(printed).isEqualTo(before);
    }
    COUNT.incrementAndGet();
  }

  @Provide
  Arbitrary<List<String>> commandLines() {
    Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of(WORDS), HostileInputs.text());
    return word.list().ofMinSize(0).ofMaxSize(7);
  }
}
