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
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(LaunchArguments.USAGE);
      System.out.println(LaunchArguments.HELP);
      return;
    }
    if (args.length == 1 && args[0].equals("--version")) {
      System.out.println("domain-registry " + LaunchArguments.version());
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
    NodeConfig config;
    try {
      config = ConfigLoader.load(configFile, System.getenv());
    } catch (ConfigException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Before the first logger (README "Operating", logs); not a static field: the CLI must not
    // initialise logging, so that it prints the JSON response alone.
    System.setProperty("DOMAIN_REGISTRY_LOG_FORMAT", config.logging().format());
    Logger log = LoggerFactory.getLogger(Main.class);
    try {
      Node.start(config)
          .onSuccess(node -> Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(log, node, config),
              "domain-registry-shutdown")))
          .onFailure(failure -> failedToStart(log, config, failure));
    } catch (RuntimeException e) {
      failedToStart(log, config, e);
    }
  }

  /** On SIGTERM: the graceful shutdown, cut short (halt) a little after {@code shutdown.timeout_ms}. */
  private static void shutdown(Logger log, Node node, NodeConfig config) {
    try {
      node.shutdown().toCompletionStage().toCompletableFuture()
          .get(config.shutdown().timeoutMs() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.error("Shutdown did not finish in time ({}); exiting anyway", e.toString());
      Runtime.getRuntime().halt(143);
    }
  }

  /** One line naming what failed (README "Operating", safe defaults), then exit code 1. */
  private static void failedToStart(Logger log, NodeConfig config, Throwable failure) {
    String why = failure.getMessage();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.BindException) {
        why = "http " + config.http().host() + ":" + config.http().port() + ": address already in use";
        break;
      }
      why = cause.getMessage() == null ? why : cause.getMessage();
    }
    log.error("Node failed to start: {}", why);
    System.err.println("domain-registry: cannot start: " + why);
    System.exit(1);
  }
}
