package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
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
  private final String url;
  private final int poolSize;
  private Pool pool;
  private PgDomainStore store;
  private PgGate removalGate;
  private RemovalStore removals;
  private CleanupHandlerStore cleanupHandlers;
  private PgEventListener listener;

  public DatabaseVerticle(String url, int poolSize) {
    this.url = url;
    this.poolSize = poolSize;
  }

  /** The store, usable from any verticle once this one is deployed. */
  public DomainStore store() {
    return store;
  }

  /** The removal jobs, usable from any verticle once this one is deployed. */
  public RemovalStore removals() {
    return removals;
  }

  /** The registered cleanup handlers, usable from any verticle once this one is deployed. */
  public CleanupHandlerStore cleanupHandlers() {
    return cleanupHandlers;
  }

  @Override
  public Future<?> start() {
    PgConnectOptions connect = PgConnectOptions.fromUri(url).setReconnectAttempts(0)
        .addProperty("client_min_messages", "warning")
        .addProperty("application_name", "domain-registry");
    pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize).setName("domain-registry"))
        .connectingTo(connect)
        .using(vertx)
        .build();
    store = new PgDomainStore(pool);
    removalGate = new PgGate(pool);
    removals = new PgRemovalStore(removalGate);
    cleanupHandlers = new PgCleanupHandlerStore(removalGate);
    listener = new PgEventListener(vertx, connect);
    return migrate(1000).otherwiseEmpty().compose(x -> listener.start());
  }

  private Future<Void> migrate(long retryMs) {
    return Migrations.migrate(pool)
        .onSuccess(version -> {
          store.markSchemaReady();
          removalGate.open();
          LOG.info("Database schema at version {}", version);
        })
        .onFailure(cause -> {
          LOG.warn("Database unreachable for schema migration, retrying in {} ms: {}", retryMs, cause.getMessage());
          vertx.setTimer(retryMs, id -> migrate(Math.min(MAX_RETRY_MS, retryMs * 2)));
        })
        .mapEmpty();
  }

  @Override
  public Future<?> stop() {
    return Future.join(listener.stop(), pool.close());
  }
}
