package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainName;
import org.domainregistry.service.DomainJson;
import org.domainregistry.service.DomainService;
import org.domainregistry.service.Requests;

/**
 * The event-bus API for sibling services (README "Event-bus API"): request/reply on
 * {@code domains.*}, JSON bodies with {@code domain} / {@code host_type}, failures carrying the
 * error table's codes. Lookups are answered from memory; management calls go through the
 * {@link DomainService}.
 */
public final class DomainBusVerticle extends VerticleBase {
  private final DomainService service;
  private final Duration defaultWait;
  private final SiblingCredentials credentials;

  /**
   * The bus API over {@code service}; {@code defaultWait} bounds a {@code "wait": "cluster"} without
   * timeout; mutations need what {@code credentials} admits.
   */
  public DomainBusVerticle(DomainService service, Duration defaultWait, SiblingCredentials credentials) {
    this.service = service;
    this.defaultWait = defaultWait;
    this.credentials = credentials;
  }

  @Override
  public Future<?> start() {
    return Future.join(List.of(
        serveWrite(Addresses.INSERT, (as, body, name) -> as.insert(name, field(body, "host_type"))),
        serveWrite(Addresses.REMOVE, (as, body, name) -> removal(as, name, body)),
        serveWrite(Addresses.ENABLE, (as, body, name) -> as.setEnabled(name, true)),
        serveWrite(Addresses.DISABLE, (as, body, name) -> as.setEnabled(name, false)),
        serve(Addresses.DETAILS, body -> service.details(field(body, "domain")).map(DomainJson::details)),
        serve(Addresses.GET_HOST_TYPE, this::hostType),
        serve(Addresses.GET_DOMAINS_BY_HOST_TYPE, this::domainsByHostType),
        serve(Addresses.GET_ALL_STATIC, body ->
            Future.succeededFuture(new JsonObject().put("domains", DomainJson.pairs(service.allStatic()))))));
  }

  private Future<Void> serve(String address, Function<JsonObject, Future<JsonObject>> handler) {
    return BusConsumers.serve(vertx.eventBus(), address, handler);
  }

  /** Serves a write on behalf of the message's sender (README "Operating", audit log). */
  private Future<Void> serveWrite(String address, BusWrite write) {
    return BusConsumers.serveMutation(vertx.eventBus(), address, credentials, (caller, body) -> {
      DomainService as = service.as(caller);
      return write(body, name -> write.run(as, body, name));
    });
  }

  /** One write of the bus API, on the sender's view of the service. */
  private interface BusWrite {
    Future<Void> run(DomainService as, JsonObject body, String domain);
  }

  /** A removal now, or with {@code "request": true} one left to the background workers. */
  private static Future<Void> removal(DomainService as, String domain, JsonObject body) {
    String hostType = field(body, "host_type");
    return Requests.optionalBool(body, "request") ? as.requestRemove(domain, hostType)
        : as.remove(domain, hostType).mapEmpty();
  }

  private Future<JsonObject> hostType(JsonObject body) {
    String domain = DomainName.normalize(field(body, "domain"));
    return service.lookup(domain)
        .map(found -> Future.succeededFuture(subdomainOrPlain(found)))
        .orElseGet(() -> Future.failedFuture(DomainError.NOT_FOUND.exception()));
  }

  /** A subdomain's answer names its source, parent and pattern; a domain's stays {@code {domain, host_type}}. */
  private static JsonObject subdomainOrPlain(JsonObject found) {
    if (!"subdomain".equals(found.getString("source"))) {
      found.remove("source");
    }
    return found;
  }

  private Future<JsonObject> domainsByHostType(JsonObject body) {
    String hostType = field(body, "host_type");
    return Future.succeededFuture(new JsonObject().put("host_type", hostType)
        .put("domains", new JsonArray(service.domainsByHostType(hostType))));
  }

  private static String field(JsonObject body, String name) {
    return Requests.string(body, name);
  }

  /**
   * A write of the body's domain; with {@code "wait": "cluster"} the reply waits until every live
   * node applied it. Replies {@code {"domain": canonical}}.
   */
  private Future<JsonObject> write(JsonObject body, Function<String, Future<Void>> write) {
    var wait = Requests.clusterWait(body.getValue("wait"), body.getValue("timeout_ms"), defaultWait,
        DomainError.INVALID_BODY);
    String domain = field(body, "domain");
    return write.apply(domain)
        .compose(x -> wait.map(service::awaitClusterApplied).orElse(Future.succeededFuture()))
        .map(x -> new JsonObject().put("domain", DomainName.normalize(domain)));
  }
}
