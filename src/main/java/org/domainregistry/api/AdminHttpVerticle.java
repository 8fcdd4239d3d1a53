package org.domainregistry.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Duration;
import org.domainregistry.admins.DomainAdmins;
import org.domainregistry.api.graphql.GraphQLEndpoint;
import org.domainregistry.api.graphql.GraphQLErrors;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.service.DomainService;
import org.domainregistry.sync.ClusterSync;
import org.domainregistry.sync.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP server: GraphQL admin API, REST domain API, lookups, sync state, health. Every
 * route is listed here. {@code /api/*} needs HTTP Basic credentials when an admin is configured;
 * domain admins may use the GraphQL API (within its rules) but no REST route.
 */
public final class AdminHttpVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AdminHttpVerticle.class);
  private final NodeConfig config;
  private final DomainRoutes domains;
  private final SyncStatus status;
  private final DomainService service;
  private final DomainRegistry registry;
  private final DomainAdmins admins;
  private final String nodeId;
  private final ClusterSync cluster;
  private final PrometheusMeterRegistry meters;
  private HttpServer server;

  /** The admin HTTP server of a node, over its service, registry, sync state, metrics and admins. */
  public AdminHttpVerticle(NodeConfig config, DomainService service, DomainRegistry registry, SyncStatus status,
                           String nodeId, ClusterSync cluster, PrometheusMeterRegistry meters, DomainAdmins admins) {
    this.config = config;
    this.meters = meters;
    this.cluster = cluster;
    this.domains = new DomainRoutes(service, registry, Duration.ofMillis(config.sync().clusterWaitTimeoutMs()));
    this.status = status;
    this.service = service;
    this.registry = registry;
    this.admins = admins;
    this.nodeId = nodeId;
  }

  /** The port the server listens on (the configured one, or the one chosen for port 0). */
  public int port() {
    return server.actualPort();
  }

  /** Builds the GraphQL schema on a worker thread (it takes a while on a cold JVM), then listens. */
  @Override
  public Future<?> start() {
    return vertx.executeBlocking(() -> GraphQLEndpoint.handler(service, registry, admins))
        .compose(graphql -> vertx.createHttpServer()
            .requestHandler(router(graphql))
            .listen(config.http().port(), config.http().host()))
        .onSuccess(listening -> server = listening);
  }

  private Router router(Handler<RoutingContext> graphql) {
    Router router = Router.router(vertx);
    router.get("/health/live").handler(this::live);
    router.get("/health/ready").handler(this::ready);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(meters));
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(config.http().maxBodyBytes()));
    router.post("/api/graphql")
        .handler(new BasicAuthHandler(config.admin(), admins, GraphQLErrors::send))
        .handler(graphql)
        .failureHandler(GraphQLErrors::failure);
    router.route("/api/*").handler(new BasicAuthHandler(config.admin(), admins, HttpErrors::send));
    router.route("/api/*").handler(new GlobalAdminOnly());
    router.route("/api/domains/").handler(domains::emptyName);
    router.put("/api/domains/:domain").handler(domains::insert);
    router.patch("/api/domains/:domain").handler(domains::setEnabled);
    router.get("/api/domains/:domain").handler(domains::details);
    router.delete("/api/domains/:domain").handler(domains::remove);
    router.get("/api/domains").handler(domains::list);
    router.get("/api/lookup/:domain").handler(domains::lookup);
    router.get("/api/sync").handler(this::sync);
    router.get("/api/cluster").handler(this::clusterStatus);
    HttpRouteErrors.install(router);
    return router;
  }

  private void live(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("status", "UP"));
  }

  private void ready(RoutingContext ctx) {
    JsonObject body = DomainJson.sync(status, nodeId, registry.dynamicSize());
    boolean ready = status.ready();
    Responses.json(ctx, ready ? 200 : 503, body.put("status", ready ? "UP" : "DOWN"));
    if (!ready) {
      LOG.debug("Readiness probe answered DOWN (stale since {})", status.staleSince());
    }
  }

  private void sync(RoutingContext ctx) {
    Responses.json(ctx, 200, DomainJson.sync(status, nodeId, registry.dynamicSize()));
  }

  private void clusterStatus(RoutingContext ctx) {
    cluster.statuses(Duration.ofSeconds(2)).onSuccess(nodes -> Responses.json(ctx, 200,
        new JsonObject().put("nodes", new JsonArray(nodes)).put("live_nodes", new JsonArray(cluster.liveNodes()))));
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
