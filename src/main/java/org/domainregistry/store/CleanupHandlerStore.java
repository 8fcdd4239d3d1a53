package org.domainregistry.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The cleanup handlers registered by sibling services ({@code domain_cleanup_handlers}), shared
 * by every node. Failures are {@link org.domainregistry.registry.DomainException}s.
 */
public interface CleanupHandlerStore {

  /**
   * Registers the handler at its address, or renews that registration's heartbeat; host types and
   * priority are the name's, for all its addresses. Other addresses of the name stay. True when
   * the address is new, false for a renewal.
   */
  Future<Boolean> register(CleanupHandler handler);

  /** Unregisters every address of the handler of this name; false when there was none. */
  Future<Boolean> unregister(String name);

  /** Unregisters the handler of this name at {@code address} only. */
  Future<Boolean> unregister(String name, String address);

  /** Ends the registrations whose heartbeat is older than {@code timeout}; answers them as {@code name at address}. */
  Future<List<String>> expire(Duration timeout);

  /**
   * The handlers of a host type (all when empty), one per registered address, lower priority
   * first, ties by name; a name's addresses one after another, latest heartbeat first.
   */
  Future<List<CleanupHandler>> handlers(Optional<String> hostType);
}
