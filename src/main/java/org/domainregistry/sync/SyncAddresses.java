package org.domainregistry.sync;

/**
 * Event-bus addresses of keeping nodes in step: the cluster-wide nudge of the public API
 * (README "Event-bus API") and the per-node and node-local addresses of the sync protocol.
 */
public final class SyncAddresses {
  private SyncAddresses() {}

  /** Clustered, published after every write: "look at the events table now". */
  public static final String CHECK_FOR_UPDATES = "domains.check_for_updates";
  /** Clustered, published after a subdomain pattern is registered or unregistered: "reload the patterns now". */
  public static final String SUBDOMAINS_CHANGED = "domains.subdomains.changed";
  /** Node-local: an event notification from the database, {@code "<id> <domain>"}, or "" for "look now". */
  public static final String DB_EVENT = "domains.local.db_event";
  /** Node-local: reply once the event whose id is the body has been applied here. */
  public static final String AWAIT_APPLIED = "domains.local.await_applied";

  /** Clustered, one per node: reply once that node has applied everything up to an event id. */
  public static String nodeAwaitApplied(String nodeId) {
    return "domains.node." + nodeId + ".await_applied";
  }

  /** Clustered, one per node: that node's sync status as JSON. */
  public static String nodeSync(String nodeId) {
    return "domains.node." + nodeId + ".sync";
  }
}
