package org.domainregistry.store;

/**
 * What starting a removal did.
 *
 * @param outcome whether the caller now holds the job
 * @param mark the event that marked the domain deleting, {@link WriteResult#UNCHANGED} when it already was
 * @param job the job as it now stands, null when {@code ABSENT}
 */
public record RemovalStart(Outcome outcome, WriteResult mark, RemovalJob job) {

  /** The outcomes of {@link RemovalStore#start}. */
  public enum Outcome {
    /** No such domain: nothing to remove. */
    ABSENT,
    /** The caller holds the job's lease and runs it. */
    CLAIMED,
    /** The job is due for the workers. */
    QUEUED,
    /** Another claimant holds the job's lease. */
    BUSY
  }

  static final RemovalStart ABSENT = new RemovalStart(Outcome.ABSENT, WriteResult.UNCHANGED, null);
}
