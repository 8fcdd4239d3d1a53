package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import org.domainregistry.bus.Addresses;
import org.domainregistry.registry.DomainError;
import org.domainregistry.store.WriteResult;

/**
 * Makes a committed write visible: waits until this node's registry has applied it (for an
 * unchanged write, until a poll started now has run), then nudges the cluster when it changed
 * anything.
 */
public final class WriteAnnouncer {
  private final EventBus eventBus;

  public WriteAnnouncer(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  /** Completes once the write is applied here; fails with {@code timeout} or the poller's error. */
  public Future<Void> announce(WriteResult result) {
    return eventBus.<Long>request(Addresses.AWAIT_APPLIED, result.eventId())
        .recover(failure -> Future.failedFuture(failure instanceof ReplyException reply && reply.failureCode() > 0
            ? DomainError.ofFailureCode(reply.failureCode()).exception(reply.getMessage())
            : DomainError.TIMEOUT.exception()))
        .map(applied -> {
          if (result.changed()) {
            eventBus.publish(Addresses.CHECK_FOR_UPDATES, result.eventId());
          }
          return null;
        });
  }
}
