package org.domainregistry.api.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import io.vertx.ext.web.handler.graphql.GraphQLHandler;
import io.vertx.ext.web.handler.graphql.instrumentation.VertxFutureAdapter;
import java.util.List;
import java.util.Map;
import org.domainregistry.admins.DomainAdmins;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.service.DomainService;

/**
 * The MongooseIM-compatible admin GraphQL API (SPEC §7) as a Vert.x Web handler. Requests must
 * already carry their {@link org.domainregistry.api.Caller} and a parsed body.
 */
public final class GraphQLEndpoint {
  private static final Object CATEGORY = Map.of();

  private GraphQLEndpoint() {}

  /** The handler for {@code POST /api/graphql}. */
  public static GraphQLHandler handler(DomainService service, DomainRegistry registry, DomainAdmins admins) {
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(AdminSchema.typeDefinitions(),
        wiring(service, registry, admins));
    GraphQL graphQL = GraphQL.newGraphQL(schema)
        .defaultDataFetcherExceptionHandler(new ResolverErrors())
        .instrumentation(new ChainedInstrumentation(List.of(
            VertxFutureAdapter.create(), new PermissionCheck(), new ErrorCodeInstrumentation())))
        .build();
    return GraphQLHandler.create(graphQL);
  }

  private static RuntimeWiring wiring(DomainService service, DomainRegistry registry, DomainAdmins admins) {
    DomainQueries queries = new DomainQueries(service, registry);
    DomainMutations domainMutations = new DomainMutations(service);
    PasswordMutations passwordMutations = new PasswordMutations(admins);
    return RuntimeWiring.newRuntimeWiring()
        .scalar(InputScalars.DOMAIN_NAME)
        .scalar(InputScalars.NON_EMPTY_STRING)
        .type(AdminSchema.QUERY, type -> type.dataFetcher(AdminSchema.CATEGORY, env -> CATEGORY))
        .type(AdminSchema.MUTATION, type -> type.dataFetcher(AdminSchema.CATEGORY, env -> CATEGORY))
        .type("DomainAdminQuery", queries::wire)
        .type("DomainAdminMutation", type -> passwordMutations.wire(domainMutations.wire(type)))
        .build();
  }
}
