package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.domainregistry.store.DomainStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events older than {@code sync.event_max_age_s} every {@code sync.event_cleaning_interval_s}
 * (README "The events table and the cursor"): always keeping the newest, never above this node's
 * applied id, so the event of a transaction still open is never passed.
 */
public final class EventCleaningVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(EventCleaningVerticle.class);
  private final DomainStore store;
  private final SyncStatus status;
  private final Duration interval;
  private final Duration maxAge;

  /** Cleans {@code store} every {@code interval}, events older than {@code maxAge}, up to {@code status}' applied id. */
  public EventCleaningVerticle(DomainStore store, SyncStatus status, Duration interval, Duration maxAge) {
    this.store = store;
    this.status = status;
    this.interval = interval;
    this.maxAge = maxAge;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(interval.toMillis(), id -> clean());
    return Future.succeededFuture();
  }

  private void clean() {
    store.cleanEvents(maxAge, status.appliedEventId())
        .onSuccess(deleted -> {
          status.counters().recordCleaned(deleted);
          if (deleted > 0) {
            LOG.info("Cleaned {} events older than {} s", deleted, maxAge.toSeconds());
          }
        })
        .onFailure(cause -> status.counters().recordDbError())
        .onFailure(cause -> LOG.warn("Event cleaning failed: {}", cause.getMessage()));
  }
}
