package org.domainregistry.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.vertx.core.Future;
import org.domainregistry.admins.DomainAdmins;

/** Resolvers of {@code setDomainPassword} and {@code deleteDomainPassword}; they answer with MongooseIM's texts. */
final class PasswordMutations {
  private final DomainAdmins admins;

  PasswordMutations(DomainAdmins admins) {
    this.admins = admins;
  }

  /** Registers the resolvers on their type. */
  TypeRuntimeWiring.Builder wire(TypeRuntimeWiring.Builder type) {
    return type
        .dataFetcher("setDomainPassword", this::setDomainPassword)
        .dataFetcher("deleteDomainPassword", this::deleteDomainPassword);
  }

  private Future<String> setDomainPassword(DataFetchingEnvironment env) {
    return admins.setPassword(env.getArgument("domain"), env.getArgument("password"))
        .map(x -> "Domain password set successfully");
  }

  private Future<String> deleteDomainPassword(DataFetchingEnvironment env) {
    return admins.deletePassword(env.getArgument("domain")).map(x -> "Domain password deleted successfully");
  }
}
