package org.domainregistry.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed resolver into a GraphQL error as MongooseIM shapes it: {@code message} is the
 * {@link DomainError}'s text, {@code extensions} hold its {@code code} and the {@code domain} and
 * {@code hostType} arguments. Unexpected failures are logged and answered as {@code internal}.
 */
final class ResolverErrors implements DataFetcherExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ResolverErrors.class);
  private static final String[] CONTEXT_ARGUMENTS = {"domain", "hostType"};

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters params) {
    Throwable failure = params.getException() instanceof CompletionException wrapped && wrapped.getCause() != null
        ? wrapped.getCause() : params.getException();
    DomainException known = failure instanceof DomainException e ? e : DomainError.INTERNAL.exception();
    if (known != failure) {
      LOG.error("GraphQL resolver of {} failed", params.getPath(), failure);
    }
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", known.error().code());
    for (String name : CONTEXT_ARGUMENTS) {
      Object value = params.getArgumentValues().get(name);
      if (value != null) {
        extensions.put(name, value);
      }
    }
    GraphQLError error = GraphqlErrorBuilder.newError()
        .message(known.getMessage())
        .path(params.getPath())
        .location(params.getSourceLocation())
        .extensions(extensions)
        .build();
    return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
  }
}
