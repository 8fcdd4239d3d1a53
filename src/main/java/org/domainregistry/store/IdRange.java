package org.domainregistry.store;

/** The event ids {@code from} to {@code to}, both included ({@code from <= to}). */
public record IdRange(long from, long to) {

  /** How many ids the range holds. */
  public long size() {
    return to - from + 1;
  }
}
