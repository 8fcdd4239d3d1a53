package org.domainregistry.removal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainName;
import org.domainregistry.store.CleanupHandler;
import org.domainregistry.store.CleanupHandlerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration of the cleanup handlers of sibling services, stored in the database so that every
 * node calls the same handlers. A name may be registered at several addresses (say one per node
 * serving it); each registration lasts until its owner unregisters it or stops renewing it (its
 * heartbeat: registering again) for the heartbeat timeout. Handlers of same-JVM siblings get a
 * clustered consumer of their own, so any node can call them with the same protocol as remote
 * ones, and are renewed here.
 */
public final class CleanupHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(CleanupHandlers.class);
  private static final String LOCAL_ADDRESS_PREFIX = "domains.cleanup.handler.";
  private static final int MAX_ADDRESS_LENGTH = 1_000;
  private final Vertx vertx;
  private final CleanupHandlerStore store;
  private final Duration heartbeatTimeout;

  /** Registrations in {@code store}, each ending when not renewed for {@code heartbeatTimeout}. */
  public CleanupHandlers(Vertx vertx, CleanupHandlerStore store, Duration heartbeatTimeout) {
    this.vertx = vertx;
    this.store = store;
    this.heartbeatTimeout = heartbeatTimeout;
  }

  /**
   * A handler checked for the protocol's rules: a name and host types of 1-100 printable
   * characters, at least one host type, a non-blank address; else {@code invalid_body}.
   */
  public static CleanupHandler checked(String name, List<String> hostTypes, int priority, String address) {
    if (!DomainName.isValidHostType(name)) {
      throw DomainError.INVALID_BODY.exception("Field name must be 1-100 printable characters");
    }
    if (hostTypes.isEmpty() || !hostTypes.stream().allMatch(DomainName::isValidHostType)) {
      throw DomainError.INVALID_BODY.exception(
          "Field host_types must list host types of 1-100 printable characters");
    }
    if (address == null || address.isBlank() || address.length() > MAX_ADDRESS_LENGTH) {
      throw DomainError.INVALID_BODY.exception("Field address must be an event-bus address");
    }
    return new CleanupHandler(name, hostTypes, priority, address);
  }

  /**
   * Registers the handler at its address (other addresses of its name stay), or renews that
   * registration; its host types and priority become the name's.
   */
  public Future<Void> register(CleanupHandler handler) {
    return store.register(handler).onSuccess(added -> {
      if (added) {
        LOG.info("Cleanup handler {} registered for host types {} with priority {} at {}",
            handler.name(), handler.hostTypes(), handler.priority(), handler.address());
      }
    }).mapEmpty();
  }

  /** Unregisters the handler of this name at every address, or at {@code address} only; false when there was none. */
  public Future<Boolean> unregister(String name, Optional<String> address) {
    return address.map(at -> store.unregister(name, at)).orElseGet(() -> store.unregister(name))
        .onSuccess(found -> logUnregistered(name + address.map(at -> " at " + at).orElse(""), found));
  }

  /**
   * The handlers of a host type (all when empty), one per live address, in the order they run;
   * registrations past their heartbeat timeout are ended first.
   */
  public Future<List<CleanupHandler>> list(Optional<String> hostType) {
    return store.expire(heartbeatTimeout)
        .onSuccess(expired -> expired.forEach(gone -> LOG.warn(
            "Cleanup handler {} unregistered: no heartbeat for {} ms", gone, heartbeatTimeout.toMillis())))
        .compose(x -> store.handlers(hostType));
  }

  /** Registers a same-JVM handler behind a clustered consumer at a generated address. */
  public Future<CleanupRegistration> registerLocal(String name, List<String> hostTypes, int priority,
                                                   DomainCleanup cleanup) {
    String address = LOCAL_ADDRESS_PREFIX + UUID.randomUUID();
    CleanupHandler handler = checked(name, hostTypes, priority, address);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, message -> call(cleanup, message));
    return consumer.completion()
        .compose(x -> register(handler))
        .recover(failure -> consumer.unregister().transform(x -> Future.failedFuture(failure)))
        .map(x -> {
          long heartbeat = vertx.setPeriodic(Math.max(1, heartbeatTimeout.toMillis() / 3), id -> store.register(handler)
              .onFailure(failure -> LOG.debug("Cleanup handler {} at {} not renewed: {}", name, address,
                  failure.getMessage())));
          return new CleanupRegistration(name, address, () -> {
            vertx.cancelTimer(heartbeat);
            return unregister(name, Optional.of(address)).eventually(consumer::unregister).mapEmpty();
          });
        });
  }

  private static void logUnregistered(String name, boolean found) {
    if (found) {
      LOG.info("Cleanup handler {} unregistered", name);
    }
  }

  private static void call(DomainCleanup cleanup, Message<JsonObject> message) {
    Future<Void> done;
    try {
      done = cleanup.cleanup(message.body().getString("domain"), message.body().getString("host_type"));
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onSuccess(x -> message.reply(new JsonObject()))
        .onFailure(failure -> message.fail(DomainError.CLEANUP_FAILED.failureCode(),
            String.valueOf(failure.getMessage())));
  }
}
