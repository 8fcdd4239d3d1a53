package org.domainregistry.store;

/** Outcome of a write: the id of the event it appended, or {@link #UNCHANGED} when nothing changed. */
public record WriteResult(long eventId) {
  public static final WriteResult UNCHANGED = new WriteResult(0);

  /** True when the write changed something (and appended an event). */
  public boolean changed() {
    return eventId > 0;
  }
}
