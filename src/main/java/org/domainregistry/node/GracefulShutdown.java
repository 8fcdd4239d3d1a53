package org.domainregistry.node;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.domainregistry.api.AdminHttpVerticle;
import org.domainregistry.removal.Removals;
import org.domainregistry.service.WriteGate;
import org.domainregistry.sync.NodeHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graceful shutdown of a node on SIGTERM (README "Operating", shutdown), each step logged: not
 * ready and refusing new writes ({@code shutting_down}); in-flight writes finished; HTTP requests in
 * flight answered and the listener closed; removal leases released; the cluster left. The steps
 * share {@code shutdown.timeout_ms}: one that overruns is given up and the next one runs.
 */
final class GracefulShutdown {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
  private final String nodeId;
  private final NodeHealth health;
  private final WriteGate gate;
  private final AdminHttpVerticle http;
  private final Removals removals;
  private final Duration timeout;

  GracefulShutdown(String nodeId, NodeHealth health, WriteGate gate, AdminHttpVerticle http, Removals removals,
                   Duration timeout) {
    this.nodeId = nodeId;
    this.health = health;
    this.gate = gate;
    this.http = http;
    this.removals = removals;
    this.timeout = timeout;
  }

  /** Runs the steps, then {@code stop} (undeploy, leave the cluster). */
  Future<Void> run(Supplier<Future<Void>> stop) {
    long deadline = System.nanoTime() + timeout.toNanos();
    health.markShuttingDown();
    LOG.info("Shutdown 1/5: node {} not ready any more; new writes answer shutting_down ({} in flight)", nodeId,
        gate.inFlight());
    return step("2/5: in-flight writes finished", gate.close(), deadline)
        .compose(x -> step("3/5: HTTP requests in flight answered, listener closed",
            http.drain(remainingMs(deadline)), deadline))
        .compose(x -> step("4/5: removal leases released", removals.releaseLeases()
            .onSuccess(n -> LOG.info("Released {} removal lease(s) of node {}", n, nodeId)), deadline))
        .compose(x -> stop.get())
        .onComplete(x -> LOG.info("Shutdown 5/5: node {} left the cluster and stopped", nodeId));
  }

  private static Future<Void> step(String what, Future<?> step, long deadline) {
    return step.timeout(remainingMs(deadline), TimeUnit.MILLISECONDS)
        .<Void>map(x -> {
          LOG.info("Shutdown {}", what);
          return null;
        })
        .recover(failure -> {
          LOG.warn("Shutdown {}: given up ({})", what, failure.getMessage());
          return Future.succeededFuture();
        });
  }

  private static long remainingMs(long deadline) {
    return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
  }
}
