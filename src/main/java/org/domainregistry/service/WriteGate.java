package org.domainregistry.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.domainregistry.registry.DomainError;

/**
 * Lets writes through until the node shuts down (README "Operating", shutdown): then new writes
 * fail with {@code shutting_down} and {@link #drained} completes once those in flight are done.
 */
public final class WriteGate {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Promise<Void> drained = Promise.promise();
  private volatile boolean closed;

  /** Runs the write unless closed, counting it in flight until it completes. */
  public <T> Future<T> pass(Supplier<Future<T>> write) {
    if (closed) {
      return Future.failedFuture(DomainError.SHUTTING_DOWN.exception());
    }
    inFlight.incrementAndGet();
    if (closed) {
      left();
      return Future.failedFuture(DomainError.SHUTTING_DOWN.exception());
    }
    Future<T> result;
    try {
      result = write.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.andThen(done -> left());
  }

  /** Refuses new writes from now on; the future completes when none is in flight any more. */
  public Future<Void> close() {
    closed = true;
    if (inFlight.get() == 0) {
      drained.tryComplete();
    }
    return drained.future();
  }

  /** Writes in flight now. */
  public int inFlight() {
    return inFlight.get();
  }

  private void left() {
    if (inFlight.decrementAndGet() == 0 && closed) {
      drained.tryComplete();
    }
  }
}
