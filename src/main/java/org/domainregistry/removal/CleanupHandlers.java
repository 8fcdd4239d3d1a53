package org.domainregistry.removal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
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
 * node calls the same handlers. Handlers of same-JVM siblings get a clustered consumer of their
 * own, so any node can call them with the same protocol as remote ones.
 */
public final class CleanupHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(CleanupHandlers.class);
  private static final String LOCAL_ADDRESS_PREFIX = "domains.cleanup.handler.";
  private static final int MAX_ADDRESS_LENGTH = 1_000;
  private final Vertx vertx;
  private final CleanupHandlerStore store;

  public CleanupHandlers(Vertx vertx, CleanupHandlerStore store) {
    this.vertx = vertx;
    this.store = store;
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

  /** Registers the handler, replacing one of the same name. */
  public Future<Void> register(CleanupHandler handler) {
    return store.register(handler).onSuccess(x -> LOG.info(
        "Cleanup handler {} registered for host types {} with priority {} at {}",
        handler.name(), handler.hostTypes(), handler.priority(), handler.address()));
  }

  /** Unregisters the handler of this name; false when there was none. */
  public Future<Boolean> unregister(String name) {
    return store.unregister(name).onSuccess(found -> logUnregistered(name, found));
  }

  /** The handlers of a host type (all when empty), in the order they run. */
  public Future<List<CleanupHandler>> list(Optional<String> hostType) {
    return store.handlers(hostType);
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
        .map(x -> new CleanupRegistration(name, address, () -> store.unregister(name, address)
            .onSuccess(found -> logUnregistered(name, found))
            .eventually(consumer::unregister)
            .mapEmpty()));
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
