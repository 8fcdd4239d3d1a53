package org.domainregistry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.domainregistry.cli.DomainCli;
import org.domainregistry.cli.LaunchArguments;
import org.domainregistry.config.ConfigException;
import org.domainregistry.config.ConfigLoader;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.node.LocalClusterDemo;
import org.domainregistry.node.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar domain-registry.jar [--config FILE]} starts a node;
 * {@code java -jar domain-registry.jar [--config FILE] domain <command> ...} runs the CLI against one;
 * {@code java -jar domain-registry.jar demo-cluster} runs a local 3-node cluster.
 */
public final class Main {
  private Main() {}

  /** Dispatches on the command line: node, CLI or demo cluster. */
  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].equals(LaunchArguments.DEMO_WORD)) {
      LocalClusterDemo.run();
      return;
    }
    LaunchArguments launch;
    try {
      launch = LaunchArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LaunchArguments.USAGE);
      System.exit(2);
      return;
    }
    if (launch.domainCommand().isPresent()) {
      System.exit(DomainCli.run(args, System.getenv(), System.out, System.err));
    } else {
      startNode(launch.configFile());
    }
  }

  private static void startNode(Optional<Path> configFile) {
    // Not a static field: the CLI must not initialise logging, so that it prints the JSON response alone.
    Logger log = LoggerFactory.getLogger(Main.class);
    NodeConfig config;
    try {
      config = ConfigLoader.load(configFile, System.getenv());
    } catch (ConfigException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    Node.start(config)
        .onSuccess(node -> Runtime.getRuntime().addShutdownHook(new Thread(() ->
            node.stop().toCompletionStage().toCompletableFuture().join(), "domain-registry-shutdown")))
        .onFailure(failure -> {
          log.error("Node failed to start: {}", failure.getMessage());
          System.exit(1);
        });
  }
}
