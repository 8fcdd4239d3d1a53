package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.function.Consumer;
import org.domainregistry.registry.DomainError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the connection pool and the schema: opens the pool, migrates the schema (retrying with
 * backoff while the database is down, the node meanwhile serving static domains), and hands
 * out the {@link DomainStore} through which all SQL runs.
 */
public final class DatabaseVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseVerticle.class);
  private static final long MAX_RETRY_MS = 30_000;
  /** No statement may run longer: a hung connection must fail, not freeze the node. */
  private static final String STATEMENT_TIMEOUT = "60s";
  private final String url;
  private final int poolSize;
  private final int loginPoolSize;
  private final long listenCheckMs;
  private final Consumer<String> onEvent;
  private Pool pool;
  private Pool loginPool;
  private DomainStore store;
  private DomainStore loginStore;
  private PgGate gate;
  private PgGate loginGate;
  private RemovalStore removals;
  private CleanupHandlerStore cleanupHandlers;
  private AuditStore audit;
  private BulkStore bulk;
  private SubdomainPatternStore subdomainPatterns;
  private PgEventListener listener;

  /**
   * A database verticle on the PostgreSQL at {@code url} with a pool of {@code poolSize}, handing
   * every event notification ({@code "<id> <domain>"}, or {@code ""} after each (re)connection:
   * look now) to {@code onEvent}, on this verticle's context; domain-admin logins get a pool of
   * their own of {@code loginPoolSize} (README "Security"); the LISTEN connection is checked every
   * {@code listenCheckMs} (README "Configuration", {@code sync.listen_check_interval_ms}).
   */
  public DatabaseVerticle(String url, int poolSize, int loginPoolSize, long listenCheckMs, Consumer<String> onEvent) {
    this.url = url;
    this.poolSize = poolSize;
    this.loginPoolSize = loginPoolSize;
    this.listenCheckMs = listenCheckMs;
    this.onEvent = onEvent;
  }

  /** The store, usable from any verticle once this one is deployed. */
  public DomainStore store() {
    return store;
  }

  /**
   * The store on the login pool, for domain-admin password lookups only: a login flood queues
   * there, never in front of event polls or removal-lease renewals.
   */
  public DomainStore loginStore() {
    return loginStore;
  }

  /** The removal jobs, usable from any verticle once this one is deployed. */
  public RemovalStore removals() {
    return removals;
  }

  /** The registered cleanup handlers, usable from any verticle once this one is deployed. */
  public CleanupHandlerStore cleanupHandlers() {
    return cleanupHandlers;
  }

  /** The audit log, usable from any verticle once this one is deployed. */
  public AuditStore audit() {
    return audit;
  }

  /** Bulk import and export, usable from any verticle once this one is deployed. */
  public BulkStore bulk() {
    return bulk;
  }

  /** The state of the LISTEN connection; valid once started. */
  public ListenState listenState() {
    return listener.state();
  }

  /** The subdomain patterns registered at run time; valid once started. */
  public SubdomainPatternStore subdomainPatterns() {
    return subdomainPatterns;
  }

  @Override
  public Future<?> start() {
    PgConnectOptions connect = PgConnectOptions.fromUri(url).setReconnectAttempts(0)
        .addProperty("client_min_messages", "warning")
        .addProperty("statement_timeout", STATEMENT_TIMEOUT)
        .addProperty("application_name", "domain-registry")
        .setCachePreparedStatements(true);
    pool = pool(connect, poolSize, "domain-registry");
    loginPool = pool(connect, loginPoolSize, "domain-registry-login");
    gate = new PgGate(pool);
    loginGate = new PgGate(loginPool);
    store = new PgDomainStore(gate);
    loginStore = new PgDomainStore(loginGate);
    removals = new PgRemovalStore(gate);
    cleanupHandlers = new PgCleanupHandlerStore(gate);
    audit = new PgAuditStore(gate);
    bulk = new PgBulkStore(gate);
    subdomainPatterns = new PgSubdomainPatternStore(gate);
    listener = new PgEventListener(vertx, connect, listenCheckMs, onEvent);
    return migrate(1000)
        .recover(cause -> isUnavailable(cause) ? Future.succeededFuture() : Future.failedFuture(cause))
        .compose(x -> listener.start());
  }

  private Pool pool(PgConnectOptions connect, int size, String name) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName(name))
        .with(new NetClientOptions().setTcpKeepAlive(true))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  private Future<Void> migrate(long retryMs) {
    return Migrations.migrate(pool)
        .onSuccess(version -> {
          gate.open();
          loginGate.open();
          LOG.info("Database schema at version {}", version);
        })
        .onFailure(cause -> {
          if (isUnavailable(cause)) {
            LOG.warn("Database unreachable for schema migration, retrying in {} ms: {}", retryMs, cause.getMessage());
            vertx.setTimer(retryMs, id -> migrate(Math.min(MAX_RETRY_MS, retryMs * 2)));
          } else {
            LOG.error("Schema migration failed; the node cannot use this database: {}", cause.getMessage());
          }
        })
        .mapEmpty();
  }

  private static boolean isUnavailable(Throwable cause) {
    return DbFailures.translate(cause).error() == DomainError.DB_UNAVAILABLE;
  }

  @Override
  public Future<?> stop() {
    return Future.join(listener.stop(), pool.close(), loginPool.close());
  }
}
