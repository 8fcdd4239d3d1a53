package org.domainregistry;

import java.nio.file.Path;
import java.util.Optional;
import org.domainregistry.config.ConfigException;
import org.domainregistry.config.ConfigLoader;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.node.LocalClusterDemo;
import org.domainregistry.node.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a node ({@code java -jar domain-registry.jar [--config FILE]}) or the local demo cluster. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws java.io.IOException {
    if (args.length == 1 && args[0].equals("demo-cluster")) {
      LocalClusterDemo.run();
      return;
    }
    Optional<Path> configFile = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        configFile = Optional.of(Path.of(args[++i]));
      } else {
        System.err.println("Unknown argument: " + args[i]);
        System.err.println("Usage: java -jar domain-registry.jar [--config FILE] | demo-cluster");
        System.exit(2);
      }
    }
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
          LOG.error("Node failed to start: {}", failure.getMessage());
          System.exit(1);
        });
  }
}
