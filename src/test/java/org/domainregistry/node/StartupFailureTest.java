package org.domainregistry.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The jar's command line in a JVM of its own (README "Operating", safe defaults): {@code --help},
 * {@code --version}, and start-up failures that are one clear line and an exit code, no stack trace.
 */
class StartupFailureTest {
  record Run(int exitCode, String output) {}

  @Test
  void helpAndVersionExitZero() throws Exception {
    Run help = run(List.of("--help"), List.of());
    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).startsWith("Usage: java -jar domain-registry.jar").contains("--version", "demo-cluster");
    Run version = run(List.of("--version"), List.of());
    assertThat(version.exitCode()).isZero();
    assertThat(version.output().strip()).matches("domain-registry \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void aBusyHttpPortIsOneLineAndExitCodeOne() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path config = Files.createTempFile("node-", ".yaml");
      Files.writeString(config, "http: { host: 127.0.0.1, port: " + busy.getLocalPort() + " }\n"
          + "db: { url: \"" + TestDatabase.createDatabase() + "\" }\n");
      Run run = run(List.of("--config", config.toString()), List.of());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.output()).contains("domain-registry: cannot start: http 127.0.0.1:" + busy.getLocalPort()
          + ": address already in use").doesNotContain("\tat ");
    }
  }

  @Test
  void aClusteredNodeWithoutDatabaseUrlRefusesToStart() throws Exception {
    Run run = run(List.of(), List.of("DOMAINS_CLUSTER_ENABLED=true", "DOMAINS_SERVICE_HOST=10.0.0.1",
        "DOMAINS_PORT_8088_TCP=tcp://10.0.0.1:8088"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output()).contains("db.url: required when cluster.enabled is true").doesNotContain("\tat ")
        .doesNotContain("DOMAINS_SERVICE_HOST");
  }

  private static Run run(List<String> args, List<String> env) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-cp", System.getProperty("java.class.path"), "org.domainregistry.Main"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .directory(Files.createTempDirectory("registry-cwd-").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("DOMAINS_"));
    env.forEach(pair -> builder.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited: %s", output).isTrue();
    return new Run(process.exitValue(), output);
  }
}
