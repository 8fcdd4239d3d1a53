package org.domainregistry.sync;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the sync of one node did since start, the counters of {@code /metrics} (README "Operating",
 * metrics): polls, nudges, gaps found and filled, events cleaned, database errors.
 */
public final class SyncCounters {
  private final LongAdder polls = new LongAdder();
  private final LongAdder nudges = new LongAdder();
  private final LongAdder eventsCleaned = new LongAdder();
  private final LongAdder dbErrors = new LongAdder();
  private volatile long gapsFound;
  private volatile long gapsFilled;

  /** Successful polls of the events table. */
  public long polls() {
    return polls.sum();
  }

  /** Cluster nudges ({@code domains.check_for_updates}) received. */
  public long nudges() {
    return nudges.sum();
  }

  /** Event ids found missing. */
  public long gapsFound() {
    return gapsFound;
  }

  /** Missing event ids filled (arrived late or plugged). */
  public long gapsFilled() {
    return gapsFilled;
  }

  /** Old events deleted by this node's cleaner. */
  public long eventsCleaned() {
    return eventsCleaned.sum();
  }

  /** Failed polls or cleanings of the database. */
  public long dbErrors() {
    return dbErrors.sum();
  }

  void recordPoll() {
    polls.increment();
  }

  void recordNudge() {
    nudges.increment();
  }

  void recordCleaned(long deleted) {
    eventsCleaned.add(deleted);
  }

  void recordDbError() {
    dbErrors.increment();
  }

  void recordGaps(long found, long filled) {
    gapsFound = found;
    gapsFilled = filled;
  }
}
