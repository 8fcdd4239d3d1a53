package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Duration;
import org.domainregistry.registry.DomainError;
import org.domainregistry.store.WriteResult;

/**
 * Makes a committed write visible: nudges the cluster at once when it changed anything, then waits
 * until this node's registry has applied it (for an unchanged write, until a poll started now has
 * run). The write is committed whatever happens next, so a failed wait is a {@code timeout}.
 */
public final class WriteAnnouncer {
  /** How much longer than the poll's own wait the request may take, so that the poll's answer arrives first. */
  private static final long REPLY_SLACK_MS = 1_000;
  private final EventBus eventBus;
  private final DeliveryOptions options;

  /**
   * Announces writes on this node's event bus; {@code applyWait} is how long the event poll waits
   * for a write to be applied ({@code sync.cluster_wait_timeout_ms}).
   */
  public WriteAnnouncer(EventBus eventBus, Duration applyWait) {
    this.eventBus = eventBus;
    this.options = new DeliveryOptions().setSendTimeout(applyWait.toMillis() + REPLY_SLACK_MS);
  }

  /** Completes once the write is applied here; fails with {@code timeout} or the poller's error. */
  public Future<Void> announce(WriteResult result) {
    if (result.changed()) {
      eventBus.publish(SyncAddresses.CHECK_FOR_UPDATES, result.eventId());
    }
    return eventBus.<Long>request(SyncAddresses.AWAIT_APPLIED, result.eventId(), options)
        .<Void>mapEmpty()
        .recover(failure -> Future.failedFuture(DomainError.TIMEOUT.exception(result.changed()
            ? "Written (event " + result.eventId() + ") but not yet applied on this node: " + failure.getMessage()
            : "Not confirmed on this node: " + failure.getMessage())));
  }
}
