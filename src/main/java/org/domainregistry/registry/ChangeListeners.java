package org.domainregistry.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The listeners of one registry. Each has its own queue and thread, so the writer (the event poll)
 * only enqueues and a slow or throwing listener holds up neither the poll nor the other listeners.
 * Changes are handed over in the order {@link #publish} was called, which the registry does under
 * its write lock, in event-id order.
 */
public final class ChangeListeners {
  private static final System.Logger LOG = System.getLogger(ChangeListeners.class.getName());
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  /** Adds a listener; closing the returned handle removes it (changes already queued are dropped). */
  public AutoCloseable add(RegistryListener listener) {
    Subscription subscription = new Subscription(listener);
    subscriptions.add(subscription);
    return () -> {
      subscriptions.remove(subscription);
      subscription.executor.shutdownNow();
    };
  }

  /** Whether anyone listens, so writers can skip building changes nobody reads. */
  boolean isEmpty() {
    return subscriptions.isEmpty();
  }

  void publish(RegistryChange change) {
    for (Subscription subscription : subscriptions) {
      subscription.executor.execute(() -> subscription.deliver(change));
    }
  }

  /** Removes every listener, waiting briefly for queued changes. */
  public void close() {
    for (Subscription subscription : subscriptions) {
      subscriptions.remove(subscription);
      subscription.executor.shutdown();
      try {
        subscription.executor.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final class Subscription {
    final RegistryListener listener;
    final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "registry-listener");
      thread.setDaemon(true);
      return thread;
    });

    Subscription(RegistryListener listener) {
      this.listener = listener;
    }

    void deliver(RegistryChange change) {
      try {
        listener.onChange(change);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Registry listener {0} failed on {1} of domain {2} (event {3}): {4}",
            listener, change.type(), change.domain(), change.eventId(), e.toString());
      }
    }
  }
}
