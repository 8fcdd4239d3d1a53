package org.domainregistry.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.graphql.GraphQLHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.domainregistry.admins.DomainAdmins;
import org.domainregistry.admins.LoginThrottle;
import org.domainregistry.api.graphql.GraphQLEndpoint;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.service.AuditLog;
import org.domainregistry.service.AuditReader;
import org.domainregistry.service.DomainService;
import org.domainregistry.service.OperationMeters;
import org.domainregistry.store.AuditStore;
import org.domainregistry.store.BulkStore;
import org.domainregistry.sync.ChangeFeed;
import org.domainregistry.sync.ClusterSync;
import org.domainregistry.sync.DigestCheck;
import org.domainregistry.sync.NodeHealth;
import org.domainregistry.sync.RegistryVerifier;
import org.domainregistry.sync.SyncStatus;

/**
 * The admin HTTP server: GraphQL admin API, REST domain API, lookups, sync state, health. Every
 * route is listed in {@link #router}; health is {@link NodeHealth}'s (README "Operating"). {@code /api/*} needs HTTP Basic credentials when an admin is
 * configured; domain admins may use the GraphQL API (within its rules) but no REST route. Every
 * failure leaves through {@link HttpErrors}, refused mutations audited on the way ({@link RefusalAudit}).
 */
public final class AdminHttpVerticle extends VerticleBase {
  private final NodeConfig config;
  private final DomainRoutes domains;
  private final AdminAuth auth;
  private final SyncStatus status;
  private final DomainService service;
  private final DomainRegistry registry;
  private final DomainAdmins admins;
  private final String nodeId;
  private final ClusterSync cluster;
  private final PrometheusMeterRegistry meters;
  private final NodeHealth health;
  private final AuditReader audit;
  private final BulkRoutes bulk;
  private final ChangeFeed feed;
  private final RegistryVerifier verifier;
  private final AuditLog auditLog;
  private EventRoutes events;
  private Future<GraphQLHandler> graphql;
  private HttpServer server;

  /** The admin HTTP server of a node, over its service, registry, sync state, metrics and admins. */
  public AdminHttpVerticle(NodeConfig config, DomainService service, DomainRegistry registry, SyncStatus status,
                           String nodeId, ClusterSync cluster, PrometheusMeterRegistry meters, DomainAdmins admins,
                           NodeHealth health, ChangeFeed feed, RegistryVerifier verifier, AuditStore audit,
                           AuditLog auditLog, BulkStore bulk) {
    this.auditLog = auditLog;
    this.health = health;
    this.feed = feed;
    this.verifier = verifier;
    this.bulk = new BulkRoutes(service, bulk, config.bulk().batchSize());
    this.audit = new AuditReader(audit);
    this.config = config;
    this.meters = meters;
    this.cluster = cluster;
    this.domains = new DomainRoutes(service, Duration.ofMillis(config.sync().clusterWaitTimeoutMs()));
    this.auth = new AdminAuth(config.admin(), admins, new LoginThrottle(config.login()));
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

  /**
   * Starts building the GraphQL schema on a worker thread of {@code vertx}: on a cold JVM it takes
   * over a second, which the node spends loading its registry meanwhile (README "Benchmarks").
   */
  public void prepare(Vertx vertx) {
    graphql = vertx.executeBlocking(() -> GraphQLEndpoint.handler(service, registry, admins, audit, auditLog,
        AdminAuth::caller));
  }

  /** Listens once the GraphQL schema is built (see {@link #prepare}; built now if it was not asked for). */
  @Override
  public Future<?> start() {
    events = new EventRoutes(vertx, feed, verifier, config.feed(), registry.changes());
    if (graphql == null) {
      prepare(vertx);
    }
    return graphql
        .compose(handler -> vertx.createHttpServer(AdminTls.serverOptions(config.http()))
            .invalidRequestHandler(RequestGuard::invalid)
            .requestHandler(router(handler))
            .listen(config.http().port(), config.http().host()))
        .onSuccess(listening -> server = listening);
  }

  private Router router(Handler<RoutingContext> graphql) {
    Router router = Router.router(vertx);
    if (config.logging().accessLog()) {
      router.route().handler(config.logging().accessLogLookups() ? AccessLog::handle : AccessLog::handleButAnsweredLookups);
    }
    Handler<RoutingContext> errors = HttpErrors.handler(new RefusalAudit(auditLog)::failed);
    router.route().failureHandler(errors);
    for (int status : new int[] {400, 404, 405, 413, 500}) {
      router.errorHandler(status, errors);
    }
    router.route().handler(RequestGuard::check);
    router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(health.live()));
    router.get("/health/started").handler(HealthCheckHandler.createWithHealthChecks(health.started()));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(health.ready()));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(meters));
    router.getWithRegex("/console").handler(ctx -> ctx.redirect("/console/"));
    router.get("/console/*").handler(BrowserSafety::consoleHeaders)
        .handler(StaticHandler.create("console").setDefaultContentEncoding("UTF-8"));
    router.route("/api/*").handler(BrowserSafety::sameSiteWrites);
    // The hot read path of siblings: no body to read, so ahead of the body handler (README "Benchmarks").
    router.get("/api/lookup/:domain").handler(auth::authenticate).handler(auth::globalAdminOnly).handler(domains::lookup);
    router.post("/api/domains/import").handler(BulkRoutes::pause).handler(auth::authenticate).handler(auth::globalAdminOnly)
        .handler(bulk::importDomains);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(config.http().maxBodyBytes()));
    router.route("/api/*").handler(auth::authenticate);
    router.post("/api/graphql").handler(graphql);
    router.route("/api/*").handler(auth::globalAdminOnly);
    router.route("/api/domains/").handler(domains::emptyName);
    router.get("/api/domains/export").handler(bulk::exportDomains);
    router.put("/api/domains/:domain").handler(domains::canonicalDomain).handler(domains::insert);
    router.patch("/api/domains/:domain").handler(domains::canonicalDomain).handler(domains::setEnabled);
    router.get("/api/domains/:domain").handler(domains::canonicalDomain).handler(domains::details);
    router.delete("/api/domains/:domain").handler(domains::canonicalDomain).handler(domains::remove);
    router.get("/api/domains").handler(domains::list);
    router.get("/api/removals").handler(domains::removals);
    router.get("/api/sync").handler(this::sync);
    router.get("/api/cluster").handler(this::clusterStatus);
    router.get("/api/audit").handler(this::auditLog);
    router.get("/api/events").handler(events::page);
    router.get("/api/events/stream").handler(events::stream);
    router.get("/api/verify").handler(events::verify);
    return router;
  }

  private void sync(RoutingContext ctx) {
    ctx.json(syncState());
  }

  private JsonObject syncState() {
    return status.toJson(nodeId, registry.dynamicSize());
  }

  /** {@code GET /api/audit?domain=&caller=&after=&limit=} (README "Operating", audit log). */
  private void auditLog(RoutingContext ctx) {
    audit.page(param(ctx, "domain"), param(ctx, "caller"), param(ctx, "after").map(Object.class::cast),
        param(ctx, "limit").map(Object.class::cast), DomainError.INVALID_QUERY)
        .onSuccess(page -> ctx.json(page.toJson())).onFailure(ctx::fail);
  }

  private static Optional<String> param(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.queryParams().get(name)).filter(value -> !value.isEmpty());
  }

  private void clusterStatus(RoutingContext ctx) {
    cluster.statuses(Duration.ofSeconds(2)).onSuccess(nodes -> ctx.json(
        new JsonObject().put("nodes", new JsonArray(nodes)).put("live_nodes", new JsonArray(cluster.liveNodes()))
            .put("diverged", DigestCheck.diverged(nodes))));
  }

  /** Stops accepting connections and waits up to {@code timeoutMs} for the requests in flight. */
  public Future<Void> drain(long timeoutMs) {
    return server == null ? Future.succeededFuture() : server.shutdown(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public Future<?> stop() {
    if (events != null) {
      events.close();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }
}
