package org.domainregistry.store;

import java.time.Instant;

/**
 * One {@code domain_removal_jobs} row: the removal of a deleting domain, kept until every cleanup
 * handler of its host type has succeeded.
 *
 * @param domain the domain being removed
 * @param hostType its host type
 * @param attempts failed attempts so far
 * @param lastError why the last attempt failed, or null
 * @param nextAttemptAt when a worker may run it next
 * @param lockedBy the claimant of the current or last lease, or null
 * @param running whether a lease holds it now
 * @param handlersDone cleanup handlers the current (or last) attempt has been through
 * @param handlersTotal cleanup handlers that attempt had to go through, null before the first attempt
 */
public record RemovalJob(String domain, String hostType, int attempts, String lastError, Instant nextAttemptAt,
                         String lockedBy, boolean running, int handlersDone, Integer handlersTotal) {}
