package org.domainregistry.removal;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every node's background removal worker: on its poll interval, and at once when this node
 * accepts a background removal, it runs the due removal jobs one after another until none is
 * left. Leases make each job run on one node at a time; a job whose node died is taken up here
 * once its lease expired. While the database is down it just tries again on the next tick.
 */
public final class RemovalWorkerVerticle extends VerticleBase {
  /** Node-local: a background removal was accepted here; run due removal jobs now. */
  static final String DUE_ADDRESS = "domains.local.removal_due";
  private static final Logger LOG = LoggerFactory.getLogger(RemovalWorkerVerticle.class);
  private final Removals removals;
  private final long pollIntervalMs;
  private boolean running;
  private boolean again;
  private boolean failing;

  /** The worker running {@code removals}' due jobs, looking for them every {@code pollIntervalMs}. */
  public RemovalWorkerVerticle(Removals removals, long pollIntervalMs) {
    this.removals = removals;
    this.pollIntervalMs = pollIntervalMs;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(pollIntervalMs, id -> wake());
    return vertx.eventBus().localConsumer(DUE_ADDRESS, message -> wake()).completion()
        .onSuccess(x -> wake());
  }

  private void wake() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    removals.runDueJob().onComplete(result -> {
      running = false;
      if (result.succeeded()) {
        recovered();
        if (result.result() || again) {
          wake();
        }
      } else {
        failed(result.cause());
      }
    });
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info("Removal jobs reachable again");
    }
  }

  private void failed(Throwable cause) {
    if (!failing) {
      failing = true;
      LOG.warn("Cannot look for due removal jobs, retrying every {} ms: {}", pollIntervalMs, cause.getMessage());
    }
  }
}
