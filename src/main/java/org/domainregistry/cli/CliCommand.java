package org.domainregistry.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One command of the {@code domain} CLI: a field of the GraphQL {@code domain} category, run as
 * the GraphQL document that calls it with all its arguments as variables and selects every field of
 * its result, as {@code mongooseimctl} does.
 *
 * @param name command and field name, e.g. {@code addDomain}
 * @param operation {@code query} or {@code mutation}
 * @param description one line of help
 * @param arguments the arguments, in schema order
 * @param selection the result fields, e.g. {@code  { domain hostType status }}, or empty for a scalar result
 */
record CliCommand(String name, String operation, String description, List<CliArgument> arguments, String selection) {

  /** The GraphQL document of the command. */
  String document() {
    if (arguments.isEmpty()) {
      return operation + " { domain { " + name + selection + " } }";
    }
    String declarations = arguments.stream().map(a -> "$" + a.name() + ": " + a.graphQLType())
        .collect(Collectors.joining(", "));
    String uses = arguments.stream().map(a -> a.name() + ": $" + a.name()).collect(Collectors.joining(", "));
    return operation + " (" + declarations + ") { domain { " + name + "(" + uses + ")" + selection + " } }";
  }
}
