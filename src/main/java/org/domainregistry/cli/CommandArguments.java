package org.domainregistry.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns {@code --name value} pairs into the GraphQL variables of a command, checking them against its arguments. */
final class CommandArguments {
  private CommandArguments() {}

  /**
   * The variables of one call.
   *
   * @param words what follows the command name
   * @throws CliUsageException for an unknown argument, a missing value or mandatory argument, or a bad value
   */
  static Map<String, Object> parse(CliCommand command, List<String> words) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i += 2) {
      String word = words.get(i);
      if (!word.startsWith("--") || word.length() == 2) {
        throw new CliUsageException("Could not parse the command arguments: expected --<argument> <value>, got '"
            + word + "'");
      }
      String name = word.substring(2);
      CliArgument argument = find(command, name).orElseThrow(() -> new CliUsageException(
          "Unknown argument '" + name + "' for command '" + command.name() + "'"));
      if (i + 1 >= words.size() || isArgumentName(command, words.get(i + 1))) {
        throw new CliUsageException("Missing value of argument '" + name + "' for command '" + command.name() + "'");
      }
      variables.put(name, value(command, argument, words.get(i + 1)));
    }
    List<String> missing = command.arguments().stream()
        .filter(a -> a.required() && !variables.containsKey(a.name()))
        .map(a -> "'" + a.name() + "'")
        .toList();
    if (!missing.isEmpty()) {
      throw new CliUsageException("Missing mandatory arguments for command '" + command.name() + "': "
          + String.join(", ", missing));
    }
    return variables;
  }

  /** A value that is another argument's {@code --name} means the value was left out. */
  private static boolean isArgumentName(CliCommand command, String word) {
    return word.startsWith("--") && find(command, word.substring(2)).isPresent();
  }

  private static Optional<CliArgument> find(CliCommand command, String name) {
    return command.arguments().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  private static Object value(CliCommand command, CliArgument argument, String text) {
    try {
      return argument.value(text);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException("Invalid value '" + text + "' of argument '" + argument.name()
          + "' for command '" + command.name() + "': " + e.getMessage());
    }
  }
}
