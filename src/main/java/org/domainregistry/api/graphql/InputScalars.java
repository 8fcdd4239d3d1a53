package org.domainregistry.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;

/**
 * The custom scalars of the schema. Bad input fails input coercion, before any resolver runs:
 * HTTP 400 with {@code extensions.code} {@code input_coercion}.
 */
final class InputScalars {
  /** A domain name, normalised to its canonical form ({@link DomainName#normalize}). */
  static final GraphQLScalarType DOMAIN_NAME = GraphQLScalarType.newScalar()
      .name("DomainName")
      .coercing(new CheckedString(InputScalars::domainName))
      .build();
  /** A string of at least one character. */
  static final GraphQLScalarType NON_EMPTY_STRING = GraphQLScalarType.newScalar()
      .name("NonEmptyString")
      .coercing(new CheckedString(InputScalars::nonEmpty))
      .build();

  private InputScalars() {}

  private static String domainName(String raw) {
    try {
      return DomainName.normalize(raw);
    } catch (DomainException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private static String nonEmpty(String raw) {
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("Given string is empty");
    }
    return raw;
  }

  /** A string scalar whose input goes through {@code check}, which throws with the reason it is refused. */
  private record CheckedString(UnaryOperator<String> check) implements Coercing<String, String> {
    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      return value.toString();
    }

    @Override
    public String parseValue(Object input, GraphQLContext context, Locale locale) {
      if (!(input instanceof String text)) {
        throw new CoercingParseValueException("Expected a string");
      }
      try {
        return check.apply(text);
      } catch (IllegalArgumentException e) {
        throw new CoercingParseValueException(e.getMessage());
      }
    }

    @Override
    public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (!(input instanceof StringValue text)) {
        throw new CoercingParseLiteralException("Expected a string");
      }
      try {
        return check.apply(text.getValue());
      } catch (IllegalArgumentException e) {
        throw new CoercingParseLiteralException(e.getMessage());
      }
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return StringValue.of(input.toString());
    }
  }
}
