package org.domainregistry.removal;

import io.vertx.core.Future;

/**
 * A same-JVM sibling service's cleanup handler: deletes everything it stores for a domain that is
 * being removed. It may be called again for the same domain (a failed removal is retried from the
 * start), so it must succeed when there is nothing left to delete.
 */
@FunctionalInterface
public interface DomainCleanup {

  /** Deletes the domain's data; a failed future stops the removal, which is retried later. */
  Future<Void> cleanup(String domain, String hostType);
}
