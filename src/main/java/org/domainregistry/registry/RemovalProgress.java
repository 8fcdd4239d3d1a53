package org.domainregistry.registry;

import java.time.Instant;

/**
 * How far the removal of a deleting domain has got.
 *
 * @param attempts failed attempts so far
 * @param lastError why the last attempt failed, or null
 * @param nextAttemptAt when it is retried (or was first due)
 * @param running whether a node is running it now
 */
public record RemovalProgress(int attempts, String lastError, Instant nextAttemptAt, boolean running) {}
