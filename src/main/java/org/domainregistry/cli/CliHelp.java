package org.domainregistry.cli;

import java.util.stream.Collectors;

/** The help texts of the {@code domain} CLI. */
final class CliHelp {
  private static final String PROGRAM = "java -jar domain-registry.jar [--config FILE] domain";

  private CliHelp() {}

  /** What {@code domain} alone prints: every command with one line of help. */
  static String commands(CommandCatalog catalog) {
    int width = catalog.all().stream().mapToInt(c -> c.name().length()).max().orElse(0) + 2;
    String lines = catalog.all().stream()
        .map(c -> "  " + pad(c.name(), width) + c.description())
        .collect(Collectors.joining("\n"));
    return "Usage: " + PROGRAM + " <command> [--<argument> <value> ...]\n\n"
        + "Manages the domains of the node found in the configuration (--config FILE, else\n"
        + "conf/domain-registry.yaml, and DOMAINS_... environment variables).\n\n"
        + "Commands:\n" + lines + "\n  " + pad(DomainCli.VERIFY, width)
        + "Compare the node's registry with the database (exit 1 when they differ)\n\n"
        + "To list the arguments of a command: " + PROGRAM + " <command> --help\n";
  }

  /** What {@code domain <command> --help} prints: the command's arguments with their GraphQL types. */
  static String command(CliCommand command) {
    int width = command.arguments().stream().mapToInt(a -> a.name().length()).max().orElse(0) + 4;
    String usage = command.arguments().stream()
        .map(a -> a.required() ? "--" + a.name() + " <" + a.name() + ">" : "[--" + a.name() + " <" + a.name() + ">]")
        .collect(Collectors.joining(" "));
    String lines = command.arguments().stream()
        .map(a -> "  " + pad("--" + a.name(), width) + a.graphQLType())
        .collect(Collectors.joining("\n"));
    return "Usage: " + PROGRAM + " " + command.name() + (usage.isEmpty() ? "" : " " + usage) + "\n\n"
        + command.description() + "\n"
        + (lines.isEmpty() ? "" : "\nArguments, with their GraphQL types ('!' marks a required one):\n" + lines + "\n");
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(1, width - text.length()));
  }
}
