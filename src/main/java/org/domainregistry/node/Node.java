package org.domainregistry.node;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import org.domainregistry.admins.DomainAdmins;
import org.domainregistry.api.AdminHttpVerticle;
import org.domainregistry.bus.ChangeBusVerticle;
import org.domainregistry.bus.CleanupBusVerticle;
import org.domainregistry.bus.SubdomainBusVerticle;
import org.domainregistry.bus.DomainBusVerticle;
import org.domainregistry.bus.HealthBusVerticle;
import org.domainregistry.bus.SiblingCredentials;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.removal.CleanupHandlers;
import org.domainregistry.removal.RemovalWorkerVerticle;
import org.domainregistry.removal.Removals;
import org.domainregistry.service.AuditCleaningVerticle;
import org.domainregistry.service.AuditLog;
import org.domainregistry.service.BulkImporter;
import org.domainregistry.service.DomainManager;
import org.domainregistry.service.DomainService;
import org.domainregistry.service.OperationMeters;
import org.domainregistry.service.WriteGate;
import org.domainregistry.store.DatabaseVerticle;
import org.domainregistry.sync.ChangeFeed;
import org.domainregistry.sync.ClusterSync;
import org.domainregistry.sync.RegistryVerifier;
import org.domainregistry.sync.DigestCheckVerticle;
import org.domainregistry.sync.SubdomainRegistrations;
import org.domainregistry.sync.SubdomainSyncVerticle;
import org.domainregistry.sync.EventCleaningVerticle;
import org.domainregistry.sync.EventPollVerticle;
import org.domainregistry.sync.NodeHealth;
import org.domainregistry.sync.SyncAddresses;
import org.domainregistry.sync.SyncStatusVerticle;
import org.domainregistry.sync.SyncStatus;
import org.domainregistry.sync.WriteAnnouncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Domain Registry node: the database, event poll, event-bus, removal worker and admin HTTP
 * verticles around one in-memory {@link DomainRegistry}, deployed in that order so each finds what
 * it needs.
 */
public final class Node {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  private final Vertx vertx;
  private final DomainRegistry registry;
  private final DomainService service;
  private final SyncStatus status;
  private final AdminHttpVerticle http;
  private final Optional<EmbeddedDatabase> embedded;
  private final String nodeId;
  private final ClusterSync cluster;
  private final GracefulShutdown shutdown;
  private final SubdomainRegistrations subdomains;

  private Node(Vertx vertx, DomainRegistry registry, DomainService service, SyncStatus status,
               AdminHttpVerticle http, Optional<EmbeddedDatabase> embedded, String nodeId, ClusterSync cluster,
               GracefulShutdown shutdown, SubdomainRegistrations subdomains) {
    this.shutdown = shutdown;
    this.subdomains = subdomains;
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.cluster = cluster;
    this.registry = registry;
    this.service = service;
    this.status = status;
    this.http = http;
    this.embedded = embedded;
  }

  /**
   * Starts a node. With no {@code db.url} an embedded PostgreSQL is started first (blocking, before
   * any event loop exists). The future completes once the HTTP server listens.
   */
  public static Future<Node> start(NodeConfig config) {
    Optional<EmbeddedDatabase> embedded = config.db().url().isPresent() ? Optional.empty()
        : Optional.of(EmbeddedDatabase.start(Path.of(config.db().embeddedDir()), config.db().embeddedPort()));
    String url = config.db().url().orElseGet(() -> embedded.get().url());
    PrometheusMeterRegistry meters = NodeMetrics.create();
    return ClusterSetup.vertx(config.cluster(), meters)
        .compose(vertx -> deploy(vertx, meters, config, url, embedded))
        .onFailure(failure -> embedded.ifPresent(EmbeddedDatabase::close));
  }

  private static Future<Node> deploy(Vertx vertx, PrometheusMeterRegistry meters, NodeConfig config, String url,
                                     Optional<EmbeddedDatabase> embedded) {
    DomainRegistry registry = new DomainRegistry(config.staticDomains(), config.hostTypes());
    SyncStatus status = new SyncStatus();
    status.digestFrom(registry::digest);
    DatabaseVerticle database = new DatabaseVerticle(url, config.db().poolSize(), config.db().loginPoolSize(),
        config.sync().listenCheckIntervalMs(), notification -> vertx.eventBus().publish(SyncAddresses.DB_EVENT, notification));
    String nodeId = nodeId(vertx);
    Duration clusterWait = Duration.ofMillis(config.sync().clusterWaitTimeoutMs());
    return vertx.deployVerticle(database).compose(x -> {
      status.listenFrom(database.listenState());
      ClusterSync cluster = new ClusterSync(vertx, nodeId, status);
      NodeMetrics.bind(meters, registry, status, cluster);
      WriteAnnouncer announcer = new WriteAnnouncer(vertx.eventBus(), clusterWait);
      CleanupHandlers cleanupHandlers = new CleanupHandlers(vertx, database.cleanupHandlers(),
          Duration.ofMillis(config.removal().handlerHeartbeatTimeoutMs()));
      Duration dropWait = Duration.ofMillis(Math.min(config.sync().clusterWaitTimeoutMs(),
          config.sync().pollIntervalMs() + config.removal().dropWaitMarginMs()));
      Removals removals = new Removals(vertx, database.removals(), cleanupHandlers, announcer, cluster,
          nodeId, config.removal(), dropWait);
      WriteGate gate = new WriteGate();
      OperationMeters operations = new OperationMeters(meters);
      AuditLog audit = new AuditLog(database.audit(), nodeId, meters, config.audit().maxPendingRows());
      DomainManager service = new DomainManager(registry, database.store(), announcer, cluster, removals,
          cleanupHandlers, operations, gate, audit,
          new BulkImporter(registry, database.bulk(), announcer, audit, operations));
      SiblingCredentials siblings = new SiblingCredentials(config.siblings());
      SubdomainRegistrations subdomains = new SubdomainRegistrations(vertx, registry, database.subdomainPatterns(),
          status, config.subdomains().stream().map(NodeConfig.Subdomain::parsed).toList());
      DomainAdmins admins = new DomainAdmins(
          vertx.createSharedWorkerExecutor("domain-registry-login", config.login().hashingThreads()),
          database.store(), database.loginStore(), registry, config.login().maxPendingLogins(), audit);
      NodeHealth health = new NodeHealth(vertx, status, () -> cluster.liveNodes().size(),
          config.health().readyRequiresDatabase());
      AdminHttpVerticle http = new AdminHttpVerticle(config, service, registry, status, nodeId, cluster, meters, admins,
          health, new ChangeFeed(database.store(), status),
          new RegistryVerifier(registry, database.store(), status, config.sync().pageSize()),
          database.audit(), audit, database.bulk());
      http.prepare(vertx);
      return vertx.deployVerticle(new EventPollVerticle(config.sync(), registry, database.store(), status, nodeId))
          .compose(y -> vertx.deployVerticle(new SyncStatusVerticle(status, nodeId, registry::dynamicSize)))
          .compose(y -> vertx.deployVerticle(new EventCleaningVerticle(database.store(), status,
              Duration.ofSeconds(config.sync().eventCleaningIntervalS()), Duration.ofSeconds(config.sync().eventMaxAgeS()))))
          .compose(y -> vertx.deployVerticle(new AuditCleaningVerticle(database.audit(),
              Duration.ofSeconds(config.audit().cleaningIntervalS()), Duration.ofDays(config.audit().retentionDays()))))
          .compose(y -> vertx.deployVerticle(new DigestCheckVerticle(cluster, status,
              Duration.ofMillis(config.feed().digestCheckIntervalMs()))))
          .compose(y -> vertx.deployVerticle(new ChangeBusVerticle(registry)))
          .compose(y -> vertx.deployVerticle(new SubdomainSyncVerticle(subdomains, config.sync().pollIntervalMs())))
          .compose(y -> vertx.deployVerticle(new SubdomainBusVerticle(subdomains, siblings)))
          .compose(y -> vertx.deployVerticle(new DomainBusVerticle(service, clusterWait, siblings)))
          .compose(y -> vertx.deployVerticle(new CleanupBusVerticle(cleanupHandlers, siblings)))
          .compose(y -> vertx.deployVerticle(new HealthBusVerticle(health, nodeId)))
          .compose(y -> vertx.deployVerticle(new RemovalWorkerVerticle(removals, config.removal().pollIntervalMs())))
          .compose(y -> vertx.deployVerticle(http))
          .map(y -> new Node(vertx, registry, service, status, http, embedded, nodeId, cluster,
              new GracefulShutdown(nodeId, health, gate, http, removals,
                  Duration.ofMillis(config.shutdown().timeoutMs())), subdomains));
    }).onSuccess(node -> LOG.info("Domain Registry node {} {}: HTTP on {}://{}:{}/ ({} static, {} dynamic domains)",
        nodeId, status.ready() ? "ready" : "started, not ready until the database answers",
        config.http().tls().isPresent() ? "https" : "http", config.http().host(),
        node.httpPort(), registry.allStatic().size(), registry.dynamicSize()))
        .onFailure(failure -> vertx.close());
  }

  private static String nodeId(Vertx vertx) {
    VertxInternal internal = (VertxInternal) vertx;
    return internal.isClustered() ? internal.clusterManager().getNodeId() : UUID.randomUUID().toString();
  }

  /** This node's id in the cluster (a random one when not clustered). */
  public String nodeId() {
    return nodeId;
  }

  /** The live members of this node's cluster and their sync state. */
  public ClusterSync cluster() {
    return cluster;
  }

  /** The node's Vert.x instance (its event bus is the cluster's). */
  public Vertx vertx() {
    return vertx;
  }

  /** The node's in-memory registry, for lookups without the event bus. */
  public DomainRegistry registry() {
    return registry;
  }

  /** The Java API of this node, for sibling verticles in the same JVM. */
  public DomainService service() {
    return service;
  }

  /** How far this node is in step with the database. */
  public SyncStatus syncStatus() {
    return status;
  }

  /** The subdomain patterns of this node, to register, unregister and list from Java. */
  public SubdomainRegistrations subdomains() {
    return subdomains;
  }

  /** The port the admin HTTP server listens on. */
  public int httpPort() {
    return http.port();
  }

  /** Shuts the node down gracefully, see {@link GracefulShutdown}. */
  public Future<Void> shutdown() {
    return shutdown.run(this::stop);
  }

  /** Stops the node: undeploys everything, leaves the cluster, stops an embedded database. */
  public Future<Void> stop() {
    return vertx.close().compose(x -> embedded.isEmpty() ? Future.succeededFuture()
        : Future.fromCompletionStage(CompletableFuture.runAsync(embedded.get()::close)));
  }
}
