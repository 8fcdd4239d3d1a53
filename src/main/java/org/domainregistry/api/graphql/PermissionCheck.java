package org.domainregistry.api.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.domainregistry.service.AuditLog;
import org.domainregistry.service.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the caller's permissions for the whole operation before anything runs, as MongooseIM's
 * authorisation phase does: a domain admin may only query {@code domainDetails} of its own domain
 * and {@code setDomainPassword} for it (and introspect). Any other command refuses the whole
 * request with {@code no_permissions}, so no part of it changes anything. A refused mutation leaves
 * an audit row naming the command refused.
 */
final class PermissionCheck extends SimplePerformantInstrumentation {
  private static final Logger LOG = LoggerFactory.getLogger(PermissionCheck.class);
  private static final Set<String> DOMAIN_ADMIN_COMMANDS = Set.of("domainDetails", "setDomainPassword");
  private final AuditLog audit;

  PermissionCheck(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public ExecutionContext instrumentExecutionContext(ExecutionContext context, InstrumentationExecutionParameters parameters,
                                                     InstrumentationState state) {
    Caller caller = context.getGraphQLContext().get(Caller.class);
    if (caller.isGlobalAdmin()) {
      return context;
    }
    ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
        context.getGraphQLSchema(), context.getOperationDefinition(), context.getFragmentsByName(),
        context.getCoercedVariables());
    for (ExecutableNormalizedField category : operation.getTopLevelFields()) {
      if (isIntrospection(category)) {
        continue;
      }
      for (ExecutableNormalizedField command : category.getChildren()) {
        refusal(caller.domain().orElseThrow(), category, command).ifPresent(error -> {
          LOG.info("GraphQL request of the {} refused: {}", caller, error.getMessage());
          if (context.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION) {
            audited(caller, command);
          }
          throw new AbortExecutionException(List.of(error));
        });
      }
    }
    return context;
  }

  private static Optional<GraphQLError> refusal(String ownDomain, ExecutableNormalizedField category,
                                                ExecutableNormalizedField command) {
    String name = command.getName();
    if (isIntrospection(command)) {
      return Optional.empty();
    }
    if (!DOMAIN_ADMIN_COMMANDS.contains(name)) {
      return Optional.of(error(category, command,
          "Cannot execute query " + name + " without a global admin permissions"));
    }
    if (!ownDomain.equals(canonical(command.getResolvedArguments().get("domain")))) {
      return Optional.of(error(category, command, "Cannot execute query " + name
          + " without permissions to the given domain. Args with invalid value: domain"));
    }
    return Optional.empty();
  }

  private void audited(Caller caller, ExecutableNormalizedField command) {
    Map<String, Object> args = command.getResolvedArguments();
    audit.refused(caller.auditName(), DomainMutations.AUDIT_OPERATIONS.getOrDefault(command.getName(), command.getName()),
        args.get("domain") instanceof String domain ? domain : "",
        args.get("hostType") instanceof String hostType ? hostType : null, DomainError.NO_PERMISSIONS);
  }

  private static boolean isIntrospection(ExecutableNormalizedField field) {
    return field.getName().startsWith("__");
  }

  private static String canonical(Object domain) {
    try {
      return domain instanceof String name ? DomainName.normalize(name) : null;
    } catch (DomainException e) {
      return null;
    }
  }

  private static GraphQLError error(ExecutableNormalizedField category, ExecutableNormalizedField command, String message) {
    return GraphqlErrorBuilder.newError()
        .message(message)
        .path(List.of(category.getResultKey(), command.getResultKey()))
        .errorType(ErrorType.ExecutionAborted)
        .extensions(Map.of("code", DomainError.NO_PERMISSIONS.code()))
        .build();
  }
}
