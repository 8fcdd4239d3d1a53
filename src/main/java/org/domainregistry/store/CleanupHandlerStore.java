package org.domainregistry.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The cleanup handlers registered by sibling services ({@code domain_cleanup_handlers}), shared
 * by every node. Failures are {@link org.domainregistry.registry.DomainException}s.
 */
public interface CleanupHandlerStore {

  /** Registers the handler, replacing any handler of the same name. */
  Future<Void> register(CleanupHandler handler);

  /** Unregisters the handler of this name; false when there was none. */
  Future<Boolean> unregister(String name);

  /** Unregisters the handler of this name only while it is still at {@code address}. */
  Future<Boolean> unregister(String name, String address);

  /** The handlers of a host type (all when empty), lower priority first, ties by name. */
  Future<List<CleanupHandler>> handlers(Optional<String> hostType);
}
