package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's run-time subdomain patterns equal to the stored ones: at start, on every
 * {@link SyncAddresses#SUBDOMAINS_CHANGED} announcement and at each interval.
 */
public final class SubdomainSyncVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SubdomainSyncVerticle.class);
  private final SubdomainRegistrations registrations;
  private final long intervalMs;

  /** Refreshes {@code registrations} every {@code intervalMs} and when told. */
  public SubdomainSyncVerticle(SubdomainRegistrations registrations, long intervalMs) {
    this.registrations = registrations;
    this.intervalMs = intervalMs;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(intervalMs, id -> refresh());
    return vertx.eventBus().consumer(SyncAddresses.SUBDOMAINS_CHANGED, message -> refresh()).completion()
        .compose(x -> registrations.refresh().recover(failure -> {
          LOG.warn("Stored subdomain patterns not read at start, retrying at the next interval: {}",
              failure.getMessage());
          return Future.succeededFuture();
        }));
  }

  private void refresh() {
    registrations.refresh().onFailure(failure -> LOG.debug("Subdomain patterns not refreshed: {}", failure.getMessage()));
  }
}
