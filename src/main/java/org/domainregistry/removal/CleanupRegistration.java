package org.domainregistry.removal;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** A cleanup handler registered through the Java API, with the means to take it back. */
public final class CleanupRegistration {
  private final String name;
  private final String address;
  private final Supplier<Future<Void>> unregister;

  CleanupRegistration(String name, String address, Supplier<Future<Void>> unregister) {
    this.name = name;
    this.address = address;
    this.unregister = unregister;
  }

  /** The handler's name. */
  public String name() {
    return name;
  }

  /** The clustered event-bus address the registry calls it at. */
  public String address() {
    return address;
  }

  /**
   * Stops renewing the handler's registration at its address, unregisters it there (its other
   * addresses stay) and stops its consumer.
   */
  public Future<Void> unregister() {
    return unregister.get();
  }
}
