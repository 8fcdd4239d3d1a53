package org.domainregistry.store;

/**
 * The state of the node's LISTEN connection, written by the database verticle and read by anyone
 * ({@code /api/sync}, metrics): whether it is listening now and how many times it was found dead
 * and listened again.
 */
public final class ListenState {
  private volatile boolean listening;
  private volatile long reconnects;

  /** True while the LISTEN connection is up and passed its last liveness check. */
  public boolean listening() {
    return listening;
  }

  /** How many times a LISTEN connection found dead (or closed) was replaced by a new one that listens. */
  public long reconnects() {
    return reconnects;
  }

  void listened(boolean again) {
    if (again) {
      reconnects++;
    }
    listening = true;
  }

  void lost() {
    listening = false;
  }
}
