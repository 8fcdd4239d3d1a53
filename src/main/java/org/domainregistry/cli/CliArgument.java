package org.domainregistry.cli;

/**
 * One {@code --name value} argument of a command: a GraphQL argument of the same name.
 *
 * @param name the argument name, e.g. {@code hostType}
 * @param graphQLType its GraphQL type as written in the schema, e.g. {@code DomainName!}
 * @param required whether the command needs it (a non-null type)
 * @param integer whether its value is a whole number ({@code Int}); all others are strings
 */
record CliArgument(String name, String graphQLType, boolean required, boolean integer) {

  /** The JSON value of the variable for a value given on the command line. */
  Object value(String text) {
    if (!integer) {
      return text;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number");
    }
  }
}
