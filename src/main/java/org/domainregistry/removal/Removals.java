package org.domainregistry.removal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.RemovalProgress;
import org.domainregistry.store.RemovalJob;
import org.domainregistry.store.RemovalStart;
import org.domainregistry.store.RemovalStore;
import org.domainregistry.store.WriteResult;
import org.domainregistry.sync.ClusterSync;
import org.domainregistry.sync.WriteAnnouncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removal of dynamic domains (README "Domain removal and sibling services") on one node. A removal marks the domain deleting and
 * persists its job; the cleanup handlers run once every live node has confirmed dropping the
 * domain, or after one sync poll interval and a margin: every node that reaches the database has
 * dropped it by then, and one that does not cannot write to it; the row goes only when all
 * handlers succeeded. Whoever holds the job's lease runs it: the caller of a
 * synchronous removal, else one node's {@link RemovalWorkerVerticle}. A caller that finds the job
 * running elsewhere waits for that run and reports its outcome. Domain names are canonical and
 * the node's rules (static, allowed host types) already checked.
 */
public final class Removals {
  private static final Logger LOG = LoggerFactory.getLogger(Removals.class);
  private static final long JOIN_POLL_MS = 100;
  private final Vertx vertx;
  private final RemovalStore store;
  private final RemovalRun runner;
  private final WriteAnnouncer announcer;
  private final ClusterSync cluster;
  private final Duration dropWait;
  private final Duration lease;
  private final String nodeId;
  private final AtomicLong claims = new AtomicLong();

  /**
   * Removals calling {@code handlers}; before cleaning up they wait at most {@code dropWait} for
   * every node to confirm it dropped the domain.
   */
  public Removals(Vertx vertx, RemovalStore store, CleanupHandlers handlers, WriteAnnouncer announcer,
                  ClusterSync cluster, String nodeId, NodeConfig.Removal config, Duration dropWait) {
    this.vertx = vertx;
    this.store = store;
    this.runner = new RemovalRun(vertx, store,
        new CleanupChain(vertx.eventBus(), handlers, config.handlerTimeoutMs()), config);
    this.announcer = announcer;
    this.cluster = cluster;
    this.nodeId = nodeId;
    this.dropWait = dropWait;
    this.lease = Duration.ofMillis(config.leaseMs());
  }

  /**
   * Removes the domain now: succeeds once it is gone (also when it was absent), with the nodes
   * that did not confirm dropping it before its cleanup (usually none); fails with
   * {@code cleanup_failed} when a handler failed, leaving the job to be retried.
   */
  public Future<List<String>> remove(String domain, String hostType) {
    String claimant = claimant();
    return store.start(domain, hostType, claimant, lease).compose(start -> switch (start.outcome()) {
      case ABSENT -> Future.succeededFuture(List.of());
      case CLAIMED -> {
        LOG.info("Removal of domain {} ({}) started by node {}", domain, hostType, nodeId);
        AtomicReference<List<String>> unconfirmed = new AtomicReference<>(List.of());
        yield runner.run(start.job(), claimant, () -> announcer.announce(start.mark())
                .compose(x -> dropped(domain, hostType)).map(nodes -> {
                  unconfirmed.set(nodes);
                  return null;
                }))
            .compose(done -> done.isPresent() ? announcer.announce(done.get()).map(x -> unconfirmed.get())
                : join(domain, hostType, start.job()));
      }
      case BUSY, QUEUED -> {
        LOG.info("Removal of domain {} ({}) already running ({}): node {} waits for its outcome",
            domain, hostType, start.job().lockedBy(), nodeId);
        yield announcer.announce(start.mark()).compose(x -> join(domain, hostType, start.job()));
      }
    });
  }

  /** Marks the domain deleting and persists its job for the workers; completes before it runs. */
  public Future<Void> request(String domain, String hostType) {
    return store.start(domain, hostType, null, lease).compose(start -> {
      if (start.outcome() == RemovalStart.Outcome.ABSENT) {
        return Future.succeededFuture();
      }
      LOG.info("Removal of domain {} ({}) requested on node {}: queued for the background workers",
          domain, hostType, nodeId);
      return announcer.announce(start.mark()).onSuccess(x -> vertx.eventBus().send(RemovalWorkerVerticle.DUE_ADDRESS, domain));
    });
  }

  /** How far the domain's removal has got, if it has a job. */
  public Future<Optional<RemovalProgress>> progress(String domain) {
    return store.find(domain).map(job -> job.map(j ->
        new RemovalProgress(j.attempts(), j.lastError(), j.nextAttemptAt(), j.running(), j.handlersDone(),
            j.handlersTotal())));
  }

  /** The removal jobs, by domain name, at most {@code limit}: the console's and operators' view of the queue. */
  public Future<List<RemovalJob>> jobs(int limit) {
    return store.list(limit);
  }

  /** Gives up this node's leases (its shutdown): other nodes take the jobs without waiting for expiry. */
  public Future<Integer> releaseLeases() {
    return store.releaseNodeLeases(nodeId);
  }

  /** Leases and runs one due job, if any; true when there was one (whatever its outcome). */
  public Future<Boolean> runDueJob() {
    String claimant = claimant();
    return store.claimDue(claimant, lease).compose(claimed -> {
      if (claimed.isEmpty()) {
        return Future.succeededFuture(false);
      }
      RemovalJob job = claimed.get();
      LOG.info("Removal of domain {} ({}) taken up by node {} after {} failed attempt(s)",
          job.domain(), job.hostType(), nodeId, job.attempts());
      return runner.run(job, claimant, () -> announcer.announce(WriteResult.UNCHANGED)
              .compose(x -> dropped(job.domain(), job.hostType())).<Void>mapEmpty())
          .compose(done -> done.isPresent() ? announcer.announce(done.get()) : Future.succeededFuture())
          .transform(x -> Future.succeededFuture(true));
    });
  }

  /** Waits until the run in progress elsewhere ends; takes the job over when its holder vanished. */
  private Future<List<String>> join(String domain, String hostType, RemovalJob seen) {
    return vertx.timer(JOIN_POLL_MS).compose(x -> store.find(domain)).compose(found -> {
      if (found.isEmpty()) {
        return announcer.announce(WriteResult.UNCHANGED).map(List.of());
      }
      RemovalJob job = found.get();
      if (job.attempts() > seen.attempts()) {
        return Future.failedFuture(DomainError.CLEANUP_FAILED.exception(
            Objects.requireNonNullElse(job.lastError(), DomainError.CLEANUP_FAILED.message())));
      }
      return job.running() ? join(domain, hostType, seen) : remove(domain, hostType);
    });
  }

  /**
   * Completes once every live node has confirmed dropping the domain, or the wait is over; answers
   * the nodes that did not confirm, each named in a warning.
   */
  private Future<List<String>> dropped(String domain, String hostType) {
    return cluster.unconfirmed(dropWait).onSuccess(nodes -> {
      if (!nodes.isEmpty()) {
        LOG.warn("Cleaning up domain {} ({}) before nodes {} confirmed dropping it (waited {} ms, one poll interval"
            + " and margin: a node reaching the database has dropped it)", domain, hostType, nodes, dropWait.toMillis());
      }
    });
  }

  private String claimant() {
    return nodeId + "/" + claims.incrementAndGet();
  }

  /** The node of a claimant ({@code <node id>/<claim>}), as a job's {@code locked_by} holds it. */
  public static String nodeOf(String claimant) {
    return claimant.substring(0, Math.max(0, claimant.lastIndexOf('/')));
  }
}
