package org.domainregistry.store;

import java.util.List;

/**
 * A sibling service's cleanup handler at one of its addresses ({@code domain_cleanup_handlers}
 * row and one of its {@code domain_cleanup_handler_addresses}): called with
 * {@code {"domain", "host_type"}} at {@code address} to delete a removed domain's data.
 *
 * @param name unique name; registering it again sets its host types and priority, and adds the
 *     address unless it has it already
 * @param hostTypes the host types whose domains it cleans up
 * @param priority lower runs first; ties run in name order
 * @param address the clustered event-bus address it consumes
 */
public record CleanupHandler(String name, List<String> hostTypes, int priority, String address) {

  /** Unmodifiable copy of the host types. */
  public CleanupHandler {
    hostTypes = List.copyOf(hostTypes);
  }
}
