package org.domainregistry.service;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domainregistry.registry.DomainDetails;
import org.domainregistry.store.DomainQuery;

/**
 * The registry as sibling verticles in the same JVM use it. Domain names are normalised first
 * (any case, Unicode or A-label). Failed futures carry a {@link org.domainregistry.registry.DomainException}
 * whose {@link org.domainregistry.registry.DomainError} says why. A write that succeeds is already
 * visible in this node's registry.
 */
public interface DomainService {

  /** Adds an enabled dynamic domain; an existing identical pair succeeds unchanged. */
  Future<Void> insert(String domain, String hostType);

  /** Removes a dynamic domain; an absent one succeeds unchanged. */
  Future<Void> remove(String domain, String hostType);

  /** Enables or disables a dynamic domain. */
  Future<Void> setEnabled(String domain, boolean enabled);

  /** Host type, status and type of a static or stored domain. */
  Future<DomainDetails> details(String domain);

  /** A page of domains (static ones included) ordered by name. */
  Future<DomainPage> list(DomainQuery query);

  /**
   * Completes once every live node of the cluster has applied every write this node has applied
   * (so a caller's acknowledged writes are visible everywhere); fails with {@code timeout} naming
   * the nodes that had not.
   */
  Future<Void> awaitClusterApplied(Duration timeout);

  /** Host type of a static or enabled dynamic domain, from memory; empty when there is none. */
  Optional<String> hostTypeOf(String domain);

  /** Enabled domains of a host type, static ones included, from memory. */
  List<String> domainsByHostType(String hostType);

  /** The static domain/host type pairs. */
  Map<String, String> allStatic();
}
