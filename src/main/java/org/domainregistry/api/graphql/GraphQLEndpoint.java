package org.domainregistry.api.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.graphql.GraphQLHandler;
import io.vertx.ext.web.handler.graphql.instrumentation.VertxFutureAdapter;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.domainregistry.admins.DomainAdmins;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.service.AuditLog;
import org.domainregistry.service.AuditReader;
import org.domainregistry.service.Caller;
import org.domainregistry.service.DomainService;

/**
 * The MongooseIM-compatible admin GraphQL API (README "GraphQL admin API") as a Vert.x Web
 * handler. Requests arrive authenticated and with a parsed body; each execution's GraphQL context
 * carries its {@link Caller}, keyed by its class.
 */
public final class GraphQLEndpoint {
  private static final Object CATEGORY = Map.of();

  private GraphQLEndpoint() {}

  /**
   * The handler for {@code POST /api/graphql}; {@code callerOf} tells who sent a request; refused
   * mutations are recorded in {@code refusals}.
   */
  public static GraphQLHandler handler(DomainService service, DomainRegistry registry, DomainAdmins admins,
                                       AuditReader audit, AuditLog refusals, Function<RoutingContext, Caller> callerOf) {
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(AdminSchema.typeDefinitions(),
        wiring(service, registry, admins, audit));
    GraphQL graphQL = GraphQL.newGraphQL(schema)
        .defaultDataFetcherExceptionHandler(new ResolverErrors())
        .instrumentation(new ChainedInstrumentation(Stream.concat(QueryLimits.instrumentations().stream(),
            Stream.of(VertxFutureAdapter.create(), new PermissionCheck(refusals), new ErrorCodeInstrumentation())).toList()))
        .build();
    return GraphQLHandler.builder(graphQL)
        .beforeExecute(input -> input.builder().graphQLContext(Map.of(Caller.class, callerOf.apply(input.context()))))
        .build();
  }

  private static RuntimeWiring wiring(DomainService service, DomainRegistry registry, DomainAdmins admins,
                                      AuditReader audit) {
    DomainQueries queries = new DomainQueries(service, registry, audit);
    DomainMutations mutations = new DomainMutations(service, admins);
    return RuntimeWiring.newRuntimeWiring()
        .scalar(InputScalars.DOMAIN_NAME)
        .scalar(InputScalars.NON_EMPTY_STRING)
        .type(AdminSchema.QUERY, type -> type.dataFetcher(AdminSchema.CATEGORY, env -> CATEGORY))
        .type(AdminSchema.MUTATION, type -> type.dataFetcher(AdminSchema.CATEGORY, env -> CATEGORY))
        .type("DomainAdminQuery", queries::wire)
        .type("DomainAdminMutation", mutations::wire)
        .build();
  }
}
