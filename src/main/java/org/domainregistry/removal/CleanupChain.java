package org.domainregistry.removal;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.domainregistry.registry.DomainError;
import org.domainregistry.store.CleanupHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the cleanup handlers of a host type one after another, lowest priority first, by
 * request/reply with {@code {"domain", "host_type"}}; a handler registered at several addresses
 * is called at the first one that has a consumer, latest heartbeat first. The first failure,
 * timeout or handler with no consumer at any of its addresses stops the chain with
 * {@code cleanup_failed}: a handler counts as done only once it answered.
 */
final class CleanupChain {
  private static final Logger LOG = LoggerFactory.getLogger(CleanupChain.class);
  private final EventBus bus;
  private final CleanupHandlers handlers;
  private final long timeoutMs;

  CleanupChain(EventBus bus, CleanupHandlers handlers, long timeoutMs) {
    this.bus = bus;
    this.handlers = handlers;
    this.timeoutMs = timeoutMs;
  }

  /** Told how many of how many handlers the chain has been through, at its start and after each one. */
  interface Progress {
    Future<Void> reached(int handlersDone, int handlersTotal);
  }

  /**
   * Runs the chain for the job's {@code attempt} (1 for its first run) while {@code held} says the
   * job is still ours, reporting each step to {@code progress}; returns how many handlers cleaned up.
   */
  Future<Integer> run(String domain, String hostType, int attempt, BooleanSupplier held, Progress progress) {
    JsonObject body = new JsonObject().put("domain", domain).put("host_type", hostType).put("attempt", attempt);
    return handlers.list(Optional.of(hostType)).map(CleanupChain::byName).compose(list ->
        progress.reached(0, list.size()).compose(x -> runFrom(list, 0, body, held, progress)));
  }

  /** The rows of one handler name (one per address) together, in calling order. */
  private static List<List<CleanupHandler>> byName(List<CleanupHandler> rows) {
    List<List<CleanupHandler>> names = new ArrayList<>();
    for (CleanupHandler row : rows) {
      if (names.isEmpty() || !names.get(names.size() - 1).get(0).name().equals(row.name())) {
        names.add(new ArrayList<>());
      }
      names.get(names.size() - 1).add(row);
    }
    return names;
  }

  private Future<Integer> runFrom(List<List<CleanupHandler>> list, int next, JsonObject body, BooleanSupplier held,
                                  Progress progress) {
    if (next == list.size()) {
      return Future.succeededFuture(next);
    }
    if (!held.getAsBoolean()) {
      return Future.failedFuture(new Lease.Lost());
    }
    return call(list.get(next), 0, body)
        .compose(x -> progress.reached(next + 1, list.size()))
        .compose(x -> runFrom(list, next + 1, body, held, progress));
  }

  /** Calls the handler at its {@code index}th address, or at the next one while there is no consumer. */
  private Future<Void> call(List<CleanupHandler> addresses, int index, JsonObject body) {
    CleanupHandler handler = addresses.get(index);
    String domain = body.getString("domain");
    String hostType = body.getString("host_type");
    return bus.request(handler.address(), body, new DeliveryOptions().setSendTimeout(timeoutMs))
        .onSuccess(x -> LOG.info("Cleanup handler {} at {} cleaned up domain {} ({})", handler.name(),
            handler.address(), domain, hostType))
        .<Void>mapEmpty()
        .recover(failure -> noConsumer(failure) && index + 1 < addresses.size()
            ? call(addresses, index + 1, body)
            : failed(addresses, domain, hostType, failure));
  }

  private static boolean noConsumer(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
  }

  private Future<Void> failed(List<CleanupHandler> addresses, String domain, String hostType, Throwable failure) {
    String name = addresses.get(0).name();
    ReplyFailure type = failure instanceof ReplyException reply ? reply.failureType() : null;
    String reason = type == ReplyFailure.NO_HANDLERS
        ? "no consumer at " + String.join(", ", addresses.stream().map(CleanupHandler::address).toList())
        : type == ReplyFailure.TIMEOUT ? "no reply within " + timeoutMs + " ms"
        : Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
    LOG.warn("Cleanup handler {} failed for domain {} ({}): {}", name, domain, hostType, reason);
    return Future.failedFuture(DomainError.CLEANUP_FAILED.exception("Cleanup handler " + name + " failed: " + reason));
  }
}
