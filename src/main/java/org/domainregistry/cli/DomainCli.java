package org.domainregistry.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domainregistry.config.ConfigException;
import org.domainregistry.config.ConfigLoader;
import org.domainregistry.config.NodeConfig;

/**
 * The {@code domain} CLI (README "The `domain` CLI"), MongooseIM's {@code mongooseimctl domain ...}:
 * {@code [--config FILE] domain <command> --<argument> <value> ...}. It finds the node and its admin
 * credentials in the node's own configuration, runs the command as a GraphQL request, prints the
 * JSON response and exits 0 on success, 1 on an error response or wrong arguments.
 */
public final class DomainCli {
  /** Exit code of success, and of the help texts. */
  public static final int SUCCESS = 0;
  /** Exit code of an error response, wrong arguments, a bad configuration or an unreachable node. */
  public static final int FAILURE = 1;

  /** The command comparing the node with its database (README "REST admin API", verify); not a GraphQL field. */
  static final String VERIFY = "verify";

  private DomainCli() {}

  /**
   * Runs the CLI.
   *
   * @param args the whole command line, e.g. {@code --config f.yaml domain addDomain --domain a.com --hostType t}
   * @param env the environment, for {@code DOMAINS_...} overrides
   * @param out where the response and help go
   * @param err where error messages go
   * @return the exit code
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      LaunchArguments launch = LaunchArguments.parse(args);
      List<String> words = launch.domainCommand()
          .orElseThrow(() -> new CliUsageException("Expected: domain <command>"));
      if (BulkCli.handles(words)) {
        return bulk(ConfigLoader.load(launch.configFile(), env), words, out, err);
      }
      if (words.equals(List.of(VERIFY))) {
        return verify(ConfigLoader.load(launch.configFile(), env), out, err);
      }
      CommandCatalog catalog = CommandCatalog.load();
      if (words.isEmpty()) {
        out.print(CliHelp.commands(catalog));
        return SUCCESS;
      }
      CliCommand command = catalog.find(words.get(0)).orElseThrow(() -> new CliUsageException(
          "Unknown command '" + words.get(0) + "'. Run 'domain' alone to list the commands."));
      if (words.size() == 2 && words.get(1).equals("--help")) {
        out.print(CliHelp.command(command));
        return SUCCESS;
      }
      Map<String, Object> variables = CommandArguments.parse(command, words.subList(1, words.size()));
      return call(ConfigLoader.load(launch.configFile(), env), command, variables, out, err);
    } catch (CliUsageException | IllegalArgumentException e) {
      err.println(e.getMessage());
      return FAILURE;
    } catch (ConfigException e) {
      err.println("Invalid configuration: " + e.getMessage());
      return FAILURE;
    }
  }

  private static int bulk(NodeConfig config, List<String> words, PrintStream out, PrintStream err) {
    NodeClient client = new NodeClient(config);
    try {
      return new BulkCli(client, out, err).run(words);
    } catch (IOException e) {
      err.println("Cannot reach the node at " + client.uri("/") + ": " + Optional.ofNullable(e.getMessage())
          .orElse(e.getClass().getSimpleName()));
      return FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("Interrupted while waiting for the node at " + client.uri("/"));
      return FAILURE;
    }
  }

  private static int call(NodeConfig config, CliCommand command, Map<String, Object> variables,
                          PrintStream out, PrintStream err) {
    return request(config, out, err, client -> client.execute(command.document(), variables),
        NodeClient.Response::succeeded);
  }

  /** {@code domain verify}: prints {@code /api/verify}; exits 0 only when the node equals the database. */
  private static int verify(NodeConfig config, PrintStream out, PrintStream err) {
    return request(config, out, err, client -> client.get("/api/verify"),
        response -> response.status() == 200 && response.body().contains("\"equal\":true"));
  }

  private interface Call {
    NodeClient.Response send(NodeClient client) throws IOException, InterruptedException;
  }

  private static int request(NodeConfig config, PrintStream out, PrintStream err, Call call,
                             java.util.function.Predicate<NodeClient.Response> success) {
    NodeClient client = new NodeClient(config);
    try {
      NodeClient.Response response = call.send(client);
      out.println(response.pretty());
      return success.test(response) ? SUCCESS : FAILURE;
    } catch (IOException e) {
      err.println("Cannot reach the node at " + client.endpoint() + ": " + Optional.ofNullable(e.getMessage())
          .orElse(e.getClass().getSimpleName()));
      return FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("Interrupted while waiting for the node at " + client.endpoint());
      return FAILURE;
    }
  }
}
