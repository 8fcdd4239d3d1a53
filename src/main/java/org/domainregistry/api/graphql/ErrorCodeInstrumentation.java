package org.domainregistry.api.graphql;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.domainregistry.registry.DomainError;

/**
 * Gives every error of a result an {@code extensions.code} and the response its HTTP status, as
 * MongooseIM does: 200 when the operation ran (resolver errors included), 400 when the request
 * was refused before running (syntax, validation, {@code input_coercion}), 401 for
 * {@code no_permissions} (MongooseIM's status; REST answers it with 403).
 */
final class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                      InstrumentationExecutionParameters parameters,
                                                                      InstrumentationState state) {
    List<GraphQLError> errors = result.getErrors().stream().map(ErrorCodeInstrumentation::withCode).toList();
    RoutingContext request = parameters.getGraphQLContext().get(RoutingContext.class);
    if (request != null) {
      request.response().setStatusCode(httpStatus(result.isDataPresent(), errors));
    }
    return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
  }

  private static int httpStatus(boolean ran, List<GraphQLError> errors) {
    if (errors.stream().anyMatch(e -> DomainError.NO_PERMISSIONS.code().equals(e.getExtensions().get("code")))) {
      return 401;
    }
    return ran ? 200 : 400;
  }

  private static GraphQLError withCode(GraphQLError error) {
    if (error.getExtensions() != null && error.getExtensions().get("code") != null) {
      return error;
    }
    Map<String, Object> extensions = error.getExtensions() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(error.getExtensions());
    extensions.put("code", codeOf(error));
    return GraphqlErrorBuilder.newError()
        .message(error.getMessage())
        .locations(error.getLocations())
        .path(error.getPath())
        .errorType(error.getErrorType())
        .extensions(extensions)
        .build();
  }

  private static String codeOf(GraphQLError error) {
    if (error instanceof CoercingParseValueException || error instanceof CoercingParseLiteralException
        || error instanceof NonNullableValueCoercedAsNullException
        || error instanceof ValidationError validation && isBadArgumentValue(validation)) {
      return DomainError.INPUT_COERCION.code();
    }
    if (error.getErrorType() == ErrorType.ExecutionAborted) {
      return DomainError.QUERY_TOO_COMPLEX.code();
    }
    if (error.getErrorType() == ErrorType.InvalidSyntax) {
      return DomainError.PARSER_ERROR.code();
    }
    return (error.getErrorType() == ErrorType.ValidationError ? DomainError.VALIDATION_ERROR : DomainError.INTERNAL)
        .code();
  }

  private static boolean isBadArgumentValue(ValidationError error) {
    return error.getValidationErrorType() == ValidationErrorType.WrongType
        || error.getValidationErrorType() == ValidationErrorType.NullValueForNonNullArgument;
  }
}
