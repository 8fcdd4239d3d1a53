package org.domainregistry.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a node is configured with, loaded once at start by {@link ConfigLoader} and
 * validated there. Collections are unmodifiable copies; {@code toString} hides secrets.
 *
 * @param http the REST/GraphQL listener
 * @param db the PostgreSQL database
 * @param staticDomains canonical domain name to host type, in file order
 * @param hostTypes host types allowed for dynamic domains
 * @param sync the synchronisation of the in-memory registry with the database
 * @param admin admin API credentials; empty means no authentication
 * @param cluster the clustered event bus
 * @param removal the removal of domains: cleanup handlers and background jobs
 */
public record NodeConfig(Http http, Db db, Map<String, String> staticDomains, List<String> hostTypes,
                         Sync sync, Optional<Admin> admin, Cluster cluster, Removal removal) {

  /** Validated copy; all components are required. */
  public NodeConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(db, "db");
    staticDomains = Collections.unmodifiableMap(new LinkedHashMap<>(staticDomains));
    hostTypes = List.copyOf(hostTypes);
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(removal, "removal");
  }

  /**
   * @param host address to bind
   * @param port port to bind, 0 for any free port
   * @param maxBodyBytes largest request body accepted
   */
  public record Http(String host, int port, int maxBodyBytes) {}

  /**
   * @param url {@code postgresql://user:pass@host:port/db}; empty means embedded PostgreSQL
   * @param poolSize connections per node
   * @param embeddedDir data directory of the embedded PostgreSQL
   * @param embeddedPort port of the embedded PostgreSQL, 0 for any free port
   */
  public record Db(Optional<String> url, int poolSize, String embeddedDir, int embeddedPort) {
    @Override
    public String toString() {
      Optional<String> redacted = url.map(u -> u.replaceFirst("^([^:/]+://[^:@/]*):[^@/]*@", "$1:***@"));
      return "Db[url=" + redacted + ", poolSize=" + poolSize + ", embeddedDir=" + embeddedDir
          + ", embeddedPort=" + embeddedPort + "]";
    }
  }

  /**
   * @param pollIntervalMs period of the events-table poll that guarantees convergence
   * @param pageSize rows per query when loading domains or events
   * @param eventCleaningIntervalS period of deleting old events
   * @param eventMaxAgeS age after which events are deleted
   * @param gapFillDelayMs how long a gap in event ids may stay open before it is filled
   * @param clusterWaitTimeoutMs default timeout of {@code ?wait=cluster}
   */
  public record Sync(long pollIntervalMs, int pageSize, long eventCleaningIntervalS, long eventMaxAgeS,
                     long gapFillDelayMs, long clusterWaitTimeoutMs) {
    /** Longest wait for the cluster to apply a write, whoever asks for it. */
    public static final long MAX_CLUSTER_WAIT_MS = 60_000;
  }

  /**
   * @param username HTTP Basic user name of the admin APIs
   * @param password its password
   */
  public record Admin(String username, String password) {
    @Override
    public String toString() {
      return "Admin[username=" + username + ", password=***]";
    }
  }

  /**
   * @param enabled whether the node joins a Hazelcast cluster
   * @param name cluster name; nodes join only clusters of the same name
   * @param host address to bind and advertise
   * @param port Hazelcast port, 0 for any free port
   * @param members {@code host:port} of the members to join by TCP/IP
   */
  public record Cluster(boolean enabled, String name, String host, int port, List<String> members) {
    /** Unmodifiable copy of the members. */
    public Cluster {
      members = List.copyOf(members);
    }
  }

  /**
   * @param handlerTimeoutMs how long one cleanup handler may take to reply
   * @param leaseMs how long a removal job stays with the node running it unless renewed (renewed
   *     every third of it); after a node dies, another takes its jobs once their lease expired
   * @param pollIntervalMs how often each node looks for due removal jobs
   * @param retryBaseMs delay before the first retry of a failed removal; doubled at each failure
   * @param retryMaxMs longest delay between retries
   */
  public record Removal(long handlerTimeoutMs, long leaseMs, long pollIntervalMs, long retryBaseMs,
                        long retryMaxMs) {}
}
