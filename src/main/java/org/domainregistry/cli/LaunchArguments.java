package org.domainregistry.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code domain-registry.jar}: {@code [--config FILE]} and then either nothing
 * (start a node) or {@code domain [command] [arguments]} (the CLI).
 *
 * @param configFile the file named by {@code --config}
 * @param domainCommand the words after {@code domain}; empty when a node is to be started
 */
public record LaunchArguments(Optional<Path> configFile, Optional<List<String>> domainCommand) {
  /** The word that selects the CLI. */
  public static final String CLI_WORD = "domain";
  /** The word that starts the local demo cluster. */
  public static final String DEMO_WORD = "demo-cluster";
  /** One line of usage of the whole jar. */
  public static final String USAGE =
      "Usage: java -jar domain-registry.jar [--config FILE] [domain <command> [--<argument> <value> ...]]"
          + " | demo-cluster";

  /** What the jar does, after {@link #USAGE}, for {@code --help}. */
  public static final String HELP = """
        (no command)          start a node: conf/domain-registry.yaml or --config FILE, DOMAINS_* overrides
        domain <command>      the domain CLI against a running node ('domain' alone lists its commands)
        demo-cluster          a local 3-node cluster with an embedded PostgreSQL
        --help                this text
        --version             the version
      Exit codes: 0 done, 1 the node failed to start, 2 bad arguments or configuration.
      README "Operating" and "Configuration" describe the rest.""";

  /** The version of this build ({@code domain-registry-version.properties}), or "unknown". */
  public static String version() {
    try (var in = LaunchArguments.class.getResourceAsStream("/domain-registry-version.properties")) {
      java.util.Properties properties = new java.util.Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /**
   * Parses the arguments of {@code main}.
   *
   * @throws IllegalArgumentException naming the argument at fault
   */
  public static LaunchArguments parse(String[] args) {
    Optional<Path> configFile = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config")) {
        if (i + 1 >= args.length || args[i + 1].isEmpty()) {
          throw new IllegalArgumentException("--config needs a FILE");
        }
        configFile = Optional.of(Path.of(args[++i]));
      } else if (args[i].equals(CLI_WORD)) {
        return new LaunchArguments(configFile, Optional.of(List.copyOf(Arrays.asList(args).subList(i + 1, args.length))));
      } else {
        throw new IllegalArgumentException("Unknown argument: " + args[i]);
      }
    }
    return new LaunchArguments(configFile, Optional.empty());
  }
}
