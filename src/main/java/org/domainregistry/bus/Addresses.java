package org.domainregistry.bus;

import org.domainregistry.sync.SyncAddresses;

/**
 * Event-bus addresses of the public API for sibling services (README "Event-bus API"). The
 * cluster-wide nudge is {@link SyncAddresses#CHECK_FOR_UPDATES}, owned by the sync that answers it.
 */
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
  /** Registers (or replaces, by name) a sibling service's cleanup handler. */
  public static final String CLEANUP_REGISTER = "domains.cleanup.register";
  /** Unregisters a cleanup handler by name. */
  public static final String CLEANUP_UNREGISTER = "domains.cleanup.unregister";
  /** Lists the cleanup handlers, of one host type or all, in the order they run. */
  public static final String CLEANUP_LIST = "domains.cleanup.list";
  /** Node-local: this node's health, {@code {"probe": "live" | "started" | "ready"}} (README "Operating"). */
  public static final String HEALTH = "domains.health";

  /** Clustered, one per node: that node's health, same request and reply as {@link #HEALTH}. */
  public static String nodeHealth(String nodeId) {
    return "domains.node." + nodeId + ".health";
  }
  /** Registers a subdomain pattern for every node. */
  public static final String SUBDOMAINS_REGISTER = "domains.subdomains.register";
  /** Unregisters a run-time subdomain pattern. */
  public static final String SUBDOMAINS_UNREGISTER = "domains.subdomains.unregister";
  /** Lists the subdomain patterns this node serves. */
  public static final String SUBDOMAINS_LIST = "domains.subdomains.list";
  /** Node-local publications of every change of the node's registry. */
  public static final String CHANGED = "domains.changed";
}
