package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.IntSupplier;

/** Answers {@link SyncAddresses#nodeSync} for this node, so any node can show the cluster's state. */
public final class SyncStatusVerticle extends VerticleBase {
  private final SyncStatus status;
  private final String nodeId;
  private final IntSupplier dynamicDomains;

  /** Answers with {@code status} of node {@code nodeId}, holding {@code dynamicDomains} dynamic domains. */
  public SyncStatusVerticle(SyncStatus status, String nodeId, IntSupplier dynamicDomains) {
    this.status = status;
    this.nodeId = nodeId;
    this.dynamicDomains = dynamicDomains;
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().consumer(SyncAddresses.nodeSync(nodeId),
        request -> request.reply(status.toJson(nodeId, dynamicDomains.getAsInt()))).completion();
  }
}
