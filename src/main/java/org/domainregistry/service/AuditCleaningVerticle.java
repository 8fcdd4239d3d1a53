package org.domainregistry.service;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.domainregistry.store.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes audit rows older than {@code audit.retention_days} every {@code audit.cleaning_interval_s} (README "Operating"). */
public final class AuditCleaningVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AuditCleaningVerticle.class);
  private final AuditStore store;
  private final Duration interval;
  private final Duration retention;

  /** Cleans {@code store} every {@code interval} of rows older than {@code retention}. */
  public AuditCleaningVerticle(AuditStore store, Duration interval, Duration retention) {
    this.store = store;
    this.interval = interval;
    this.retention = retention;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(interval.toMillis(), id -> clean());
    return Future.succeededFuture();
  }

  private void clean() {
    store.clean(retention)
        .onSuccess(deleted -> {
          if (deleted > 0) {
            LOG.info("Cleaned {} audit rows older than {} days", deleted, retention.toDays());
          }
        })
        .onFailure(cause -> LOG.warn("Audit cleaning failed: {}", cause.getMessage()));
  }
}
