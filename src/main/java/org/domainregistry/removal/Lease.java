package org.domainregistry.removal;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.domainregistry.store.RemovalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A claimant's lease on a removal job, renewed every third of its length while the job runs. It
 * counts as held only while the last renewal is known to be in force, so a node that cannot reach
 * the database stops calling handlers before another node may take the job over.
 */
final class Lease {
  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);
  private final Vertx vertx;
  private final RemovalStore store;
  private final String domain;
  private final String claimant;
  private final Duration length;
  private final long timer;
  private volatile long validUntilNanos;
  private volatile boolean lost;

  private Lease(Vertx vertx, RemovalStore store, String domain, String claimant, Duration length) {
    this.vertx = vertx;
    this.store = store;
    this.domain = domain;
    this.claimant = claimant;
    this.length = length;
    this.validUntilNanos = System.nanoTime() + length.toNanos();
    this.timer = vertx.setPeriodic(Math.max(1, length.toMillis() / 3), id -> renew());
  }

  /** Starts keeping the lease the claimant has just been given. */
  static Lease keep(Vertx vertx, RemovalStore store, String domain, String claimant, Duration length) {
    return new Lease(vertx, store, domain, claimant, length);
  }

  boolean held() {
    return !lost && System.nanoTime() < validUntilNanos;
  }

  /** Stops renewing; the job's row says what happens next. */
  void release() {
    vertx.cancelTimer(timer);
  }

  private void renew() {
    long sentAt = System.nanoTime();
    store.renew(domain, claimant, length)
        .onSuccess(renewed -> {
          if (renewed) {
            validUntilNanos = sentAt + length.toNanos();
          } else if (!lost) {
            lost = true;
            LOG.warn("Removal of domain {} lost its lease ({}): another node has taken it over", domain, claimant);
          }
        })
        .onFailure(failure -> LOG.debug("Lease on the removal of domain {} not renewed: {}", domain,
            failure.getMessage()));
  }

  /** The chain stopped because the lease was no longer held. */
  static final class Lost extends RuntimeException {
    Lost() {
      super("lease on the removal job lost", null, false, false);
    }
  }
}
