package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.SubdomainPattern;
import org.domainregistry.service.Requests;
import org.domainregistry.sync.SubdomainRegistrations;

/**
 * The subdomain addresses of the bus API (README "Event-bus API", subdomains):
 * {@code domains.subdomains.register|unregister|list}, replies and failures as the other
 * {@code domains.*} addresses.
 */
public final class SubdomainBusVerticle extends VerticleBase {
  private final SubdomainRegistrations registrations;
  private final SiblingCredentials credentials;

  /** Serves {@code registrations} on the bus; changing them needs what {@code credentials} admits. */
  public SubdomainBusVerticle(SubdomainRegistrations registrations, SiblingCredentials credentials) {
    this.registrations = registrations;
    this.credentials = credentials;
  }

  @Override
  public Future<?> start() {
    return Future.join(List.of(
        BusConsumers.serveMutation(vertx.eventBus(), Addresses.SUBDOMAINS_REGISTER, credentials, this::register),
        BusConsumers.serveMutation(vertx.eventBus(), Addresses.SUBDOMAINS_UNREGISTER, credentials, body ->
            registrations.unregister(Requests.string(body, "pattern"))
                .map(x -> new JsonObject().put("pattern", body.getString("pattern")))),
        BusConsumers.serve(vertx.eventBus(), Addresses.SUBDOMAINS_LIST, body -> Future.succeededFuture(
            new JsonObject().put("patterns", patterns(registrations.list()))))));
  }

  private Future<JsonObject> register(JsonObject body) {
    Object types = body.getValue("host_types");
    if (!(types instanceof JsonArray array) || array.stream().anyMatch(t -> !(t instanceof String))) {
      return Future.failedFuture(DomainError.INVALID_BODY.exception("host_types must be a list of strings"));
    }
    List<String> hostTypes = new ArrayList<>();
    array.forEach(t -> hostTypes.add((String) t));
    return registrations.register(Requests.string(body, "pattern"), hostTypes, body.getString("owner"))
        .map(SubdomainBusVerticle::pattern);
  }

  /** A pattern as the bus and REST APIs show it: {@code pattern}, {@code host_types}, {@code owner}. */
  static JsonObject pattern(SubdomainPattern pattern) {
    return new JsonObject().put("pattern", pattern.pattern()).put("host_types", new JsonArray(pattern.hostTypes()))
        .put("owner", pattern.owner());
  }

  private static JsonArray patterns(List<SubdomainPattern> patterns) {
    JsonArray result = new JsonArray();
    patterns.forEach(p -> result.add(pattern(p)));
    return result;
  }
}
