package org.domainregistry.removal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.store.RemovalJob;
import org.domainregistry.store.RemovalStore;
import org.domainregistry.store.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one leased removal job to its end: the cleanup chain, then the deletion of the domain and
 * its job in one transaction; or, when the chain fails, the failure recorded on the job with the
 * time of its next attempt.
 */
final class RemovalRun {
  private static final Logger LOG = LoggerFactory.getLogger(RemovalRun.class);
  private final Vertx vertx;
  private final RemovalStore store;
  private final CleanupChain chain;
  private final NodeConfig.Removal config;

  RemovalRun(Vertx vertx, RemovalStore store, CleanupChain chain, NodeConfig.Removal config) {
    this.vertx = vertx;
    this.store = store;
    this.chain = chain;
    this.config = config;
  }

  /**
   * Runs {@code prepare}, then the job, as {@code claimant}. The result is the deleting write, or
   * empty when the lease passed to another claimant meanwhile; a failed chain fails the future
   * after its failure is recorded.
   */
  Future<Optional<WriteResult>> run(RemovalJob job, String claimant, Supplier<Future<Void>> prepare) {
    Lease lease = Lease.keep(vertx, store, job.domain(), claimant, Duration.ofMillis(config.leaseMs()));
    return prepare.get()
        .compose(x -> chain.run(job.domain(), job.hostType(), job.attempts() + 1, lease::held,
            (done, total) -> store.recordProgress(job.domain(), claimant, done, total)))
        .compose(handlers -> store.finish(job.domain(), claimant).onSuccess(done -> {
          if (done.isPresent()) {
            LOG.info("Domain {} ({}) removed after {} cleanup handler(s)", job.domain(), job.hostType(), handlers);
          }
        }))
        .andThen(x -> lease.release())
        .recover(failure -> failed(job, claimant, failure));
  }

  private Future<Optional<WriteResult>> failed(RemovalJob job, String claimant, Throwable failure) {
    if (failure instanceof Lease.Lost) {
      return Future.succeededFuture(Optional.empty());
    }
    String reason = String.valueOf(failure.getMessage());
    return store.recordFailure(job.domain(), claimant, reason, Duration.ofMillis(config.retryBaseMs()),
            Duration.ofMillis(config.retryMaxMs()))
        .onSuccess(recorded -> recorded.ifPresent(after -> LOG.warn(
            "Removal of domain {} ({}) failed (attempt {}), next attempt at {}: {}",
            job.domain(), job.hostType(), after.attempts(), after.nextAttemptAt(), reason)))
        .onFailure(cause -> LOG.warn("Removal of domain {} ({}) failed ({}) and its failure could not be recorded;"
            + " it is retried once its lease expires: {}", job.domain(), job.hostType(), reason, cause.getMessage()))
        .transform(x -> Future.failedFuture(failure));
  }
}
