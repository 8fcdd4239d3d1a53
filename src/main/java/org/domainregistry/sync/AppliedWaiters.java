package org.domainregistry.sync;

import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.domainregistry.registry.DomainError;

/**
 * Requests waiting until something is applied on this node (an event, or everything another
 * node has applied). A request is settled by the first poll that started after it: what it waits
 * for was committed before the request, so that poll reads it. Used from the event poll
 * verticle's context only.
 */
final class AppliedWaiters {
  private final List<Waiter> waiting = new ArrayList<>();

  private record Waiter(BooleanSupplier applied, long afterPoll, Promise<Void> promise) {}

  /**
   * A promise completed once {@code applied} holds after a poll numbered {@code afterPoll} or
   * later; the caller may fail it first (a timeout), which withdraws it.
   */
  Promise<Void> add(BooleanSupplier applied, long afterPoll) {
    Promise<Void> promise = Promise.promise();
    waiting.add(new Waiter(applied, afterPoll, promise));
    return promise;
  }

  /** Settles the waiters due after poll {@code poll}; true when some still need another poll. */
  boolean settle(long poll, boolean succeeded) {
    boolean unsettled = false;
    for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      if (waiter.promise().future().isComplete()) {
        it.remove();
      } else if (!succeeded && !waiter.applied().getAsBoolean()) {
        waiter.promise().tryFail(DomainError.DB_UNAVAILABLE.exception());
        it.remove();
      } else if (waiter.afterPoll() <= poll) {
        if (waiter.applied().getAsBoolean()) {
          waiter.promise().tryComplete();
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
