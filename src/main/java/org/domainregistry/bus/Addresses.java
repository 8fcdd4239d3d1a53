package org.domainregistry.bus;

/** Event-bus addresses of the registry: the public API of SPEC §6 and the node-internal ones. */
public final class Addresses {
  private Addresses() {}

  public static final String INSERT = "domains.insert";
  public static final String REMOVE = "domains.remove";
  public static final String ENABLE = "domains.enable";
  public static final String DISABLE = "domains.disable";
  public static final String GET_HOST_TYPE = "domains.get_host_type";
  public static final String GET_DOMAINS_BY_HOST_TYPE = "domains.get_domains_by_host_type";
  public static final String GET_ALL_STATIC = "domains.get_all_static";
  public static final String DETAILS = "domains.details";
  /** Cluster-wide nudge published after every write: "look at the events table now". */
  public static final String CHECK_FOR_UPDATES = "domains.check_for_updates";
  /** Clustered, one per node: reply once the event whose id is the body has been applied on that node. */
  public static String nodeAwaitApplied(String nodeId) {
    return "domains.node." + nodeId + ".await_applied";
  }

  /** Clustered, one per node: that node's sync status as JSON. */
  public static String nodeSync(String nodeId) {
    return "domains.node." + nodeId + ".sync";
  }

  /** Node-local: an event notification from the database, {@code "<id> <domain>"}, or "" for "look now". */
  public static final String DB_EVENT = "domains.local.db_event";
  /** Node-local: reply once the event whose id is the body has been applied here. */
  public static final String AWAIT_APPLIED = "domains.local.await_applied";

  /** Registers (or replaces, by name) a sibling service's cleanup handler. */
  public static final String CLEANUP_REGISTER = "domains.cleanup.register";
  /** Unregisters a cleanup handler by name. */
  public static final String CLEANUP_UNREGISTER = "domains.cleanup.unregister";
  /** Lists the cleanup handlers, of one host type or all, in the order they run. */
  public static final String CLEANUP_LIST = "domains.cleanup.list";
  /** Node-local: a background removal was accepted here; run due removal jobs now. */
  public static final String REMOVAL_DUE = "domains.local.removal_due";
}
