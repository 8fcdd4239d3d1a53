package org.domainregistry.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Persistent removal jobs ({@code domain_removal_jobs}). A job is held by one claimant at a time
 * through a lease that expires unless renewed, so the job of a dead node passes to another one.
 * Failures are {@link org.domainregistry.registry.DomainException}s.
 */
public interface RemovalStore {

  /**
   * In one transaction: marks the domain deleting (with an event) unless it already is, deletes
   * its admin password and creates or updates its job. With a {@code claimant} the job is leased
   * to it ({@code CLAIMED}) unless another lease holds it ({@code BUSY}); without, it is made due
   * at once ({@code QUEUED}). {@code ABSENT} when there is no such domain; {@code wrong_host_type}
   * when it is stored with another host type.
   */
  Future<RemovalStart> start(String domain, String hostType, String claimant, Duration lease);

  /** Leases the most overdue job of a deleting domain that no live lease holds, if any. */
  Future<Optional<RemovalJob>> claimDue(String claimant, Duration lease);

  /** Extends the claimant's lease; false when the claimant no longer holds the job. */
  Future<Boolean> renew(String domain, String claimant, Duration lease);

  /**
   * In one transaction: deletes the claimant's job and the deleting domain with its admin
   * password and an event. Empty when the claimant no longer holds the job (nothing changed).
   */
  Future<Optional<WriteResult>> finish(String domain, String claimant);

  /**
   * Counts a failed attempt of the claimant's job, releases its lease and makes it due again
   * after {@code min(retryMax, retryBase * 2^(attempts before))}. Empty when the claimant no
   * longer holds it.
   */
  Future<Optional<RemovalJob>> recordFailure(String domain, String claimant, String error,
                                             Duration retryBase, Duration retryMax);

  /** Gives up every lease held by claimants of this node, so others take the jobs at once; the count. */
  Future<Integer> releaseNodeLeases(String nodeId);

  /** The domain's removal job, if it has one. */
  Future<Optional<RemovalJob>> find(String domain);

  /** Records how many of the handlers the claimant's attempt has been through (nothing when it lost the lease). */
  Future<Void> recordProgress(String domain, String claimant, int handlersDone, int handlersTotal);

  /** The removal jobs ordered by domain name, at most {@code limit}. */
  Future<List<RemovalJob>> list(int limit);
}
