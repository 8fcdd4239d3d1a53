package org.domainregistry.store;

/** The event ids {@code from} to {@code to}, both included ({@code from <= to}). */
public record IdRange(long from, long to) {
  /**
   * At most this many ranges of missing ids are tracked by a reader, or found by a snapshot: one
   * more means a full reload (README "The events table and the cursor").
   */
  public static final int MAX_TRACKED = 10_000;

  /** How many ids the range holds. */
  public long size() {
    return to - from + 1;
  }
}
