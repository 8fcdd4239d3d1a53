package org.domainregistry.registry;

/**
 * Told of every change of a node's registry, in event-id order, on a thread of its own (README
 * "Event-bus API", change notifications). A listener that is slow or throws delays nobody else.
 */
@FunctionalInterface
public interface RegistryListener {

  /** Called once per change; an exception is logged and the next change still comes. */
  void onChange(RegistryChange change);
}
