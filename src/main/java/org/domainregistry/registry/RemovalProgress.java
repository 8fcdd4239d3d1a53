package org.domainregistry.registry;

import java.time.Instant;

/**
 * How far the removal of a deleting domain has got.
 *
 * @param attempts failed attempts so far
 * @param lastError why the last attempt failed, or null
 * @param nextAttemptAt when it is retried (or was first due)
 * @param running whether a node is running it now
 * @param handlersDone cleanup handlers the current (or last) attempt has been through
 * @param handlersTotal cleanup handlers of that attempt, null before the first attempt
 */
public record RemovalProgress(int attempts, String lastError, Instant nextAttemptAt, boolean running,
                              int handlersDone, Integer handlersTotal) {}
