package org.domainregistry.sync;

import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongPredicate;
import org.domainregistry.registry.DomainError;

/**
 * Requests waiting for an event to be applied on this node. A request is settled by the first
 * poll that started after it: the event was committed before the request, so that poll reads it.
 * Used from the event poll verticle's context only.
 */
final class AppliedWaiters {
  private final List<Waiter> waiting = new ArrayList<>();

  private record Waiter(long eventId, long afterPoll, Promise<Long> promise) {}

  /**
   * A promise completed once {@code eventId} is applied by a poll numbered {@code afterPoll} or
   * later; the caller may fail it first (a timeout), which withdraws it.
   */
  Promise<Long> add(long eventId, long afterPoll) {
    Promise<Long> promise = Promise.promise();
    waiting.add(new Waiter(eventId, afterPoll, promise));
    return promise;
  }

  /** Settles the waiters due after poll {@code poll}; true when some still need another poll. */
  boolean settle(long poll, boolean succeeded, LongPredicate applied) {
    boolean unsettled = false;
    for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      if (waiter.promise().future().isComplete()) {
        it.remove();
      } else if (waiter.afterPoll() <= poll) {
        if (applied.test(waiter.eventId())) {
          waiter.promise().tryComplete(waiter.eventId());
          it.remove();
        } else if (!succeeded) {
          waiter.promise().tryFail(DomainError.DB_UNAVAILABLE.exception());
          it.remove();
        } else {
          unsettled = true;
        }
      }
    }
    return unsettled;
  }
}
