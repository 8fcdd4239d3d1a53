package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;

import org.domainregistry.registry.DomainError;
import org.domainregistry.store.WriteResult;

/**
 * Makes a committed write visible: nudges the cluster at once when it changed anything, then waits
 * until this node's registry has applied it (for an unchanged write, until a poll started now has
 * run). The write is committed whatever happens next, so a failed wait is a {@code timeout}.
 */
public final class WriteAnnouncer {
  private final EventBus eventBus;

  /** Announces writes on this node's event bus. */
  public WriteAnnouncer(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  /** Completes once the write is applied here; fails with {@code timeout} or the poller's error. */
  public Future<Void> announce(WriteResult result) {
    if (result.changed()) {
      eventBus.publish(SyncAddresses.CHECK_FOR_UPDATES, result.eventId());
    }
    return eventBus.<Long>request(SyncAddresses.AWAIT_APPLIED, result.eventId())
        .<Void>mapEmpty()
        .recover(failure -> Future.failedFuture(DomainError.TIMEOUT.exception(result.changed()
            ? "Written (event " + result.eventId() + ") but not yet applied on this node: " + failure.getMessage()
            : "Not confirmed on this node: " + failure.getMessage())));
  }
}
