package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the digests of every live node at each interval and counts the checks that found
 * nodes at the same applied id disagreeing (metric {@code domain_registry_digest_divergences_total}).
 */
public final class DigestCheckVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(DigestCheckVerticle.class);
  private final ClusterSync cluster;
  private final SyncStatus status;
  private final Duration interval;

  /** Checks the digests of {@code cluster} every {@code interval}, counting divergences in {@code status}. */
  public DigestCheckVerticle(ClusterSync cluster, SyncStatus status, Duration interval) {
    this.cluster = cluster;
    this.status = status;
    this.interval = interval;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(interval.toMillis(), id -> check());
    return Future.succeededFuture();
  }

  private void check() {
    cluster.statuses(Duration.ofSeconds(2)).onSuccess(nodes -> {
      if (DigestCheck.diverged(nodes)) {
        status.recordDivergence();
        LOG.warn("Registry digests diverged: nodes at the same applied event id hold different domains: {}", nodes);
      }
    });
  }
}
