package org.domainregistry.store;

/** What became of an attempt to plug a missing event id. */
public enum GapFill {
  /** The id was free: a dummy event now fills it for good (its transaction had aborted). */
  PLUGGED,
  /** The real event is there (it committed, perhaps after a wait): read it. */
  PRESENT,
  /** The sequence has not handed the id out yet (a higher id was written by hand): leave it. */
  NOT_ISSUED,
  /** A transaction still holds the id after the wait allowed: try again later. */
  HELD,
  /**
   * The id is free but below the oldest kept event: it may have been deleted by a cleaner before
   * this node read it, so the reader must reload rather than plug it.
   */
  BELOW_OLDEST
}
