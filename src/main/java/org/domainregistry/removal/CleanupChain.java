package org.domainregistry.removal;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.domainregistry.registry.DomainError;
import org.domainregistry.store.CleanupHandler;
import org.domainregistry.store.CleanupHandlerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the cleanup handlers of a host type one after another, lowest priority first, by
 * request/reply with {@code {"domain", "host_type"}}. The first failure or timeout stops the chain
 * with {@code cleanup_failed}; a handler with no consumer left in the cluster is unregistered and
 * skipped.
 */
final class CleanupChain {
  private static final Logger LOG = LoggerFactory.getLogger(CleanupChain.class);
  private final EventBus bus;
  private final CleanupHandlerStore handlers;
  private final long timeoutMs;

  CleanupChain(EventBus bus, CleanupHandlerStore handlers, long timeoutMs) {
    this.bus = bus;
    this.handlers = handlers;
    this.timeoutMs = timeoutMs;
  }

  /** Told how many of how many handlers the chain has been through, at its start and after each one. */
  interface Progress {
    Future<Void> reached(int handlersDone, int handlersTotal);
  }

  /**
   * Runs the chain while {@code held} says the job is still ours, reporting each step to
   * {@code progress}; returns how many handlers cleaned up (skipped ones left out).
   */
  Future<Integer> run(String domain, String hostType, BooleanSupplier held, Progress progress) {
    return handlers.handlers(Optional.of(hostType)).compose(list -> progress.reached(0, list.size())
        .compose(x -> runFrom(list, 0, 0, domain, hostType, held, progress)));
  }

  private Future<Integer> runFrom(List<CleanupHandler> list, int next, int done, String domain, String hostType,
                                  BooleanSupplier held, Progress progress) {
    if (next == list.size()) {
      return Future.succeededFuture(done);
    }
    if (!held.getAsBoolean()) {
      return Future.failedFuture(new Lease.Lost());
    }
    return call(list.get(next), domain, hostType)
        .compose(cleaned -> progress.reached(next + 1, list.size()).map(cleaned))
        .compose(cleaned -> runFrom(list, next + 1, cleaned ? done + 1 : done, domain, hostType, held, progress));
  }

  /** True when the handler cleaned up, false when it was skipped. */
  private Future<Boolean> call(CleanupHandler handler, String domain, String hostType) {
    JsonObject body = new JsonObject().put("domain", domain).put("host_type", hostType);
    return bus.request(handler.address(), body, new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(reply -> true)
        .onSuccess(x -> LOG.info("Cleanup handler {} cleaned up domain {} ({})", handler.name(), domain, hostType))
        .recover(failure -> failed(handler, domain, hostType, failure));
  }

  private Future<Boolean> failed(CleanupHandler handler, String domain, String hostType, Throwable failure) {
    ReplyFailure type = failure instanceof ReplyException reply ? reply.failureType() : null;
    if (type == ReplyFailure.NO_HANDLERS) {
      LOG.warn("Cleanup handler {} has left the cluster (no consumer at {}): unregistered, skipped for domain {} ({})",
          handler.name(), handler.address(), domain, hostType);
      return handlers.unregister(handler.name(), handler.address()).map(x -> false);
    }
    String reason = type == ReplyFailure.TIMEOUT ? "no reply within " + timeoutMs + " ms"
        : Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
    LOG.warn("Cleanup handler {} failed for domain {} ({}): {}", handler.name(), domain, hostType, reason);
    return Future.failedFuture(DomainError.CLEANUP_FAILED.exception(
        "Cleanup handler " + handler.name() + " failed: " + reason));
  }
}
