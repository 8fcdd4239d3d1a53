package org.domainregistry.config;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;
import org.domainregistry.registry.SubdomainPattern;

/**
 * Everything a node is configured with, loaded once at start by {@link ConfigLoader} and
 * validated there. Collections are unmodifiable copies; {@code toString} hides secrets.
 *
 * <p>The records are the schema of the configuration (README "Configuration"): each component is a
 * key, named in snake_case ({@code maxBodyBytes}: {@code max_body_bytes}), and a component that is
 * a record is a section of keys. An absent key takes its {@link Default}; without one it is empty
 * if {@code Optional}, else null for its record to reject (as {@link Admin} does). {@link Range}
 * bounds an integer. Adding a key is adding a component.
 *
 * @param http the REST/GraphQL listener
 * @param db the PostgreSQL database
 * @param staticDomains canonical domain name to host type, in file order
 * @param hostTypes host types allowed for dynamic domains
 * @param sync the synchronisation of the in-memory registry with the database
 * @param admin admin API credentials; empty means no authentication
 * @param cluster the clustered event bus
 * @param removal the removal of domains: cleanup handlers and background jobs
 * @param health what the health endpoints report (README "Operating")
 * @param shutdown the graceful shutdown on SIGTERM (README "Operating")
 * @param logging the log format and the HTTP access log (README "Operating")
 * @param login the throttling and hashing of admin logins (README "Security")
 * @param siblings services allowed to change domains over the event bus, by name; none means
 *     the bus mutations stay open (with a warning at start)
 * @param subdomains subdomain patterns every node serves (README "Event-bus API", subdomains)
 * @param feed the change feed, stream and digest checks for sibling services
 * @param audit retention of the audit log (README "Operating")
 * @param bulk bulk import (README "Operating")
 */
public record NodeConfig(Http http, Db db, @Default("{}") Map<String, String> staticDomains,
                         @Default("[]") List<String> hostTypes, Sync sync, Optional<Admin> admin,
                         Cluster cluster, Removal removal, Health health, Shutdown shutdown, Logging logging,
                         Login login, @Default("{}") Map<String, Sibling> siblings,
                         @Default("[]") List<Subdomain> subdomains, Feed feed, Audit audit, Bulk bulk) {
  private static final long PORT_MAX = 65_535;
  private static final long ONE_HOUR_MS = 3_600_000;
  private static final long ONE_DAY_MS = 86_400_000;
  private static final long ONE_YEAR_S = 31_536_000;
  private static final String BAD_HOST_TYPE = "invalid host type (expected 1-100 printable characters)";

  /** Validated copy: static domains by canonical name, host types valid and distinct; all required. */
  public NodeConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(db, "db");
    staticDomains = Collections.unmodifiableMap(canonical(staticDomains));
    hostTypes = List.copyOf(hostTypes);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < hostTypes.size(); i++) {
      String hostType = hostTypes.get(i);
      String problem = !DomainName.isValidHostType(hostType) ? BAD_HOST_TYPE
          : seen.add(hostType) ? null : "duplicate host type \"" + hostType + "\"";
      if (problem != null) {
        throw ConfigException.at("host_types[" + i + "]", problem);
      }
    }
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(removal, "removal");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(shutdown, "shutdown");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(bulk, "bulk");
    if (cluster.enabled() && db.url().isEmpty() && !db.embedded()) {
      throw ConfigException.at("db.url", "required when cluster.enabled is true: every node must share one"
          + " database (set db.embedded: true to start an embedded PostgreSQL on each node anyway)");
    }
    Objects.requireNonNull(login, "login");
    siblings = Collections.unmodifiableMap(new LinkedHashMap<>(siblings));
    siblings.forEach((name, sibling) -> {
      if (name.isEmpty() || name.indexOf(':') >= 0 || sibling == null) {
        throw ConfigException.at("siblings[\"" + name + "\"]", "expected a name without ':' holding secret and"
            + " operations");
      }
    });
    Objects.requireNonNull(feed, "feed");
    subdomains = List.copyOf(subdomains);
    for (int i = 0; i < subdomains.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (subdomains.get(i).parsed().conflictsWith(subdomains.get(j).parsed())) {
          throw ConfigException.at("subdomains[" + i + "]", "produces the same names as subdomains[" + j + "]");
        }
      }
    }
  }

  private static Map<String, String> canonical(Map<String, String> staticDomains) {
    Map<String, String> byCanonicalName = new LinkedHashMap<>();
    Map<String, String> spelling = new HashMap<>();
    staticDomains.forEach((name, hostType) -> {
      String where = "static_domains[\"" + name + "\"]";
      String domain;
      try {
        domain = DomainName.normalize(name);
      } catch (DomainException e) {
        throw ConfigException.at(where, "invalid domain name (expected labels of 1-63 letters, digits and"
            + " inner hyphens, at most 253 characters in all)");
      }
      String earlier = spelling.putIfAbsent(domain, name);
      String problem = !DomainName.isValidHostType(hostType) ? BAD_HOST_TYPE
          : earlier == null ? null : "same domain as \"" + earlier + "\" (both are " + domain + ")";
      if (problem != null) {
        throw ConfigException.at(where, problem);
      }
      byCanonicalName.put(domain, hostType);
    });
    return byCanonicalName;
  }

  /** The default of a key, written as in the YAML file: {@code "8088"}, {@code "[a, b]"}. */
  @Retention(RetentionPolicy.RUNTIME)
  @interface Default {
    String value();
  }

  /** The integers a key accepts, bounds included. */
  @Retention(RetentionPolicy.RUNTIME)
  @interface Range {
    long min();

    long max();
  }

  /**
   * @param host address to bind
   * @param port port to bind, 0 for any free port
   * @param maxBodyBytes largest request body accepted
   * @param tls HTTPS for the admin API; empty means plain HTTP
   */
  public record Http(@Default("127.0.0.1") String host,
                     @Default("8088") @Range(min = 0, max = PORT_MAX) int port,
                     @Default("65536") @Range(min = 1_024, max = 67_108_864) int maxBodyBytes,
                     Optional<HttpTls> tls) {}

  /**
   * @param certPath PEM certificate chain of the admin API
   * @param keyPath PEM private key of that certificate
   * @param clientAuth {@code none}, {@code request} or {@code required}: whether clients must
   *     show a certificate signed by {@code clientCaPath}
   * @param clientCaPath PEM CA certificates trusted for client certificates
   */
  public record HttpTls(String certPath, String keyPath, @Default("none") String clientAuth,
                        Optional<String> clientCaPath) {
    /** Certificate and key are required; client certificates need a CA. */
    public HttpTls {
      if (certPath == null || keyPath == null) {
        throw ConfigException.at(certPath == null ? "cert_path" : "key_path", "missing; TLS needs cert_path and key_path");
      }
      if (!List.of("none", "request", "required").contains(clientAuth)) {
        throw ConfigException.at("client_auth", "expected none, request or required");
      }
      if (!clientAuth.equals("none") && clientCaPath.isEmpty()) {
        throw ConfigException.at("client_ca_path", "missing; client_auth " + clientAuth + " needs a CA");
      }
    }
  }

  /**
   * @param url {@code postgresql://user:pass@host:port/db}; empty means embedded PostgreSQL
   * @param poolSize connections per node
   * @param embeddedDir data directory of the embedded PostgreSQL
   * @param embeddedPort port of the embedded PostgreSQL, 0 for any free port
   * @param embedded start an embedded PostgreSQL without {@code url} even when clustered
   * @param loginPoolSize connections for domain-admin password lookups, apart from the sync path
   */
  public record Db(Optional<String> url, @Default("8") @Range(min = 1, max = 1_000) int poolSize,
                   @Default("data/postgres") String embeddedDir,
                   @Default("5433") @Range(min = 0, max = PORT_MAX) int embeddedPort,
                   @Default("false") boolean embedded,
                   @Default("2") @Range(min = 1, max = 100) int loginPoolSize) {
    /** Checks that a URL, if any, is a PostgreSQL one. */
    public Db {
      if (url.isPresent() && !url.get().matches("(?is)postgres(ql)?://.+")) {
        throw ConfigException.at("url", "expected a postgresql://user:password@host:port/database URL"
            + " (scheme postgresql or postgres)");
      }
    }

    @Override
    public String toString() {
      Optional<String> redacted = url.map(u -> u.replaceFirst("^([^:/]+://[^:@/]*):[^@/]*@", "$1:***@"));
      return "Db[url=" + redacted + ", poolSize=" + poolSize + ", embeddedDir=" + embeddedDir
          + ", embeddedPort=" + embeddedPort + ", embedded=" + embedded + ", loginPoolSize=" + loginPoolSize + "]";
    }
  }

  /**
   * @param pollIntervalMs period of the events-table poll that guarantees convergence
   * @param pageSize rows per query when loading domains or events
   * @param eventCleaningIntervalS period of deleting old events
   * @param eventMaxAgeS age after which events are deleted
   * @param gapFillDelayMs how long a gap in event ids may stay open before it is filled
   * @param clusterWaitTimeoutMs default timeout of {@code ?wait=cluster}, at most 60 s
   * @param listenCheckIntervalMs period of the LISTEN connection's liveness query, which must also
   *     answer within it or the connection is replaced
   */
  public record Sync(@Default("1000") @Range(min = 10, max = ONE_DAY_MS) long pollIntervalMs,
                     @Default("1000") @Range(min = 1, max = 100_000) int pageSize,
                     @Default("1800") @Range(min = 1, max = ONE_YEAR_S) long eventCleaningIntervalS,
                     @Default("7200") @Range(min = 1, max = 10 * ONE_YEAR_S) long eventMaxAgeS,
                     @Default("200") @Range(min = 0, max = ONE_HOUR_MS) long gapFillDelayMs,
                     @Default("5000") @Range(min = 1, max = MAX_CLUSTER_WAIT_MS) long clusterWaitTimeoutMs,
                     @Default("5000") @Range(min = 10, max = ONE_HOUR_MS) long listenCheckIntervalMs) {
    /** The longest wait for the cluster: other nodes cap any cluster wait at 60 s. */
    public static final long MAX_CLUSTER_WAIT_MS = 60_000;
  }

  /**
   * @param username HTTP Basic user name of the admin APIs
   * @param password its password
   */
  public record Admin(String username, String password) {
    /** Both are required: a configuration gives both or neither (README "Configuration"). */
    public Admin {
      if (username == null || password == null) {
        String missing = username == null ? "username" : "password";
        throw ConfigException.at(missing, "missing; admin needs both username and password (or"
            + " neither, for no authentication; env " + ConfigLoader.envName("admin." + missing) + ")");
      }
    }

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
   * @param members {@code host:port} of the members to join by TCP/IP ({@code discovery: members})
   * @param discovery how members find each other: {@code members} (the list) or {@code kubernetes}
   *     (Hazelcast's Kubernetes discovery in DNS mode, on {@code kubernetes_service_dns})
   * @param kubernetesServiceDns DNS name of the headless Service of the members, e.g.
   *     {@code domain-registry-cluster.ns.svc.cluster.local}
   * @param eventBusPort port of the event bus, 0 for any free port
   * @param tls event bus over TLS with required client certificates; empty means plain TCP
   */
  public record Cluster(@Default("false") boolean enabled, @Default("domain-registry") String name,
                        @Default("127.0.0.1") String host,
                        @Default("5701") @Range(min = 0, max = PORT_MAX) int port,
                        @Default("['127.0.0.1:5701']") List<String> members,
                        @Default("members") String discovery, Optional<String> kubernetesServiceDns,
                        @Default("0") @Range(min = 0, max = PORT_MAX) int eventBusPort,
                        Optional<ClusterTls> tls) {
    /** Unmodifiable copy of the members; discovery known, with its DNS name for kubernetes. */
    public Cluster {
      members = List.copyOf(members);
      if (!discovery.equals("members") && !discovery.equals("kubernetes")) {
        throw ConfigException.at("discovery", "expected members or kubernetes, got \"" + discovery + "\"");
      }
      if (discovery.equals("kubernetes") && kubernetesServiceDns.isEmpty()) {
        throw ConfigException.at("kubernetes_service_dns", "required with discovery: kubernetes (the headless"
            + " Service's DNS name, e.g. domain-registry-cluster.default.svc.cluster.local)");
      }
    }

    /** Whether members are found through Kubernetes DNS rather than the list. */
    public boolean kubernetesDiscovery() {
      return discovery.equals("kubernetes");
    }
  }

  /**
   * @param certPath PEM certificate of this member, signed by the cluster CA
   * @param keyPath PEM private key of that certificate
   * @param caPath PEM certificate of the one CA of the cluster
   */
  public record ClusterTls(String certPath, String keyPath, String caPath) {
    /** All three are required. */
    public ClusterTls {
      if (certPath == null || keyPath == null || caPath == null) {
        throw ConfigException.at(certPath == null ? "cert_path" : keyPath == null ? "key_path" : "ca_path",
            "missing; cluster TLS needs cert_path, key_path and ca_path");
      }
    }
  }

  /**
   * @param maxFailuresPerAddress failed logins from one client address within {@code windowS}
   *     before that address is refused with 429 until the window ends
   * @param maxFailuresPerAccount failed logins of one domain admin within {@code windowS}
   *     before that account is refused with 429
   * @param windowS length of the counting window, in seconds
   * @param hashingThreads threads that hash passwords, apart from every other worker
   * @param maxPendingLogins domain-admin logins in progress before more are refused with 503
   */
  public record Login(@Default("20") @Range(min = 1, max = 1_000_000_000) int maxFailuresPerAddress,
                      @Default("10") @Range(min = 1, max = 1_000_000_000) int maxFailuresPerAccount,
                      @Default("300") @Range(min = 1, max = ONE_DAY_MS / 1000) long windowS,
                      @Default("2") @Range(min = 1, max = 64) int hashingThreads,
                      @Default("32") @Range(min = 1, max = 100_000) int maxPendingLogins) {}

  /**
   * @param secret what the sibling sends in the {@code domains-credential} header, after its name
   * @param operations bus operations it may use: {@code insert}, {@code remove}, {@code enable},
   *     {@code disable}, {@code cleanup.register}, {@code cleanup.unregister}
   */
  public record Sibling(String secret, @Default("[]") List<String> operations) {
    /** A secret is required; operations are copied. */
    public Sibling {
      if (secret == null || secret.isEmpty()) {
        throw ConfigException.at("secret", "missing; a sibling needs a secret");
      }
      operations = List.copyOf(operations);
    }

    @Override
    public String toString() {
      return "Sibling[secret=***, operations=" + operations + "]";
    }
  }

  /**
   * @param handlerTimeoutMs how long one cleanup handler may take to reply
   * @param leaseMs how long a removal job stays with the node running it unless renewed (renewed
   *     every third of it); after a node dies, another takes its jobs once their lease expired
   * @param pollIntervalMs how often each node looks for due removal jobs
   * @param retryBaseMs delay before the first retry of a failed removal; doubled at each failure
   * @param retryMaxMs longest delay between retries
   * @param handlerHeartbeatTimeoutMs how long a cleanup handler's registration at one address
   *     lasts without a heartbeat (a registration again) from its owner
   * @param dropWaitMarginMs how much longer than {@code sync.poll_interval_ms} a removal waits for
   *     every node to confirm it dropped the domain before its cleanup starts
   */
  public record Removal(@Default("10000") @Range(min = 1, max = ONE_HOUR_MS) long handlerTimeoutMs,
                        @Default("30000") @Range(min = 100, max = ONE_HOUR_MS) long leaseMs,
                        @Default("1000") @Range(min = 10, max = ONE_DAY_MS) long pollIntervalMs,
                        @Default("1000") @Range(min = 1, max = ONE_DAY_MS) long retryBaseMs,
                        @Default("300000") @Range(min = 1, max = ONE_DAY_MS) long retryMaxMs,
                        @Default("600000") @Range(min = 100, max = ONE_DAY_MS) long handlerHeartbeatTimeoutMs,
                        @Default("1000") @Range(min = 0, max = ONE_HOUR_MS) long dropWaitMarginMs) {}

  /**
   * @param readyRequiresDatabase whether {@code /health/ready} goes DOWN while the database is
   *     unreachable (by default it stays UP: lookups are served from memory)
   */
  public record Health(@Default("false") boolean readyRequiresDatabase) {}

  /**
   * @param format {@code text} (one line per event) or {@code json} (one JSON object per line,
   *     logback's JsonEncoder)
   * @param accessLog whether every HTTP request is logged (one line, logger {@code http.access})
   * @param accessLogLookups whether lookups answered 200 or 404 are logged too (by default only
   *     refused ones are: lookups are the siblings' hot path, README "Benchmarks")
   */
  public record Logging(@Default("text") String format, @Default("true") boolean accessLog,
                        @Default("false") boolean accessLogLookups) {
    /** The format is {@code text} or {@code json}. */
    public Logging {
      if (!format.equals("text") && !format.equals("json")) {
        throw ConfigException.at("format", "expected text or json, got \"" + format + "\"");
      }
    }
  }

  /**
   * A subdomain pattern of the config (README "Configuration").
   *
   * @param pattern {@code prefix.@HOST@} or a fixed name
   * @param hostTypes the host types whose domains get the subdomain
   * @param owner who uses it, e.g. {@code muc}
   */
  public record Subdomain(String pattern, List<String> hostTypes, @Default("config") String owner) {
    /** Validated: the pattern parses. */
    public Subdomain {
      parse(pattern, hostTypes, owner);
    }

    /** The pattern as the registry holds it. */
    public SubdomainPattern parsed() {
      return parse(pattern, hostTypes, owner);
    }

    private static SubdomainPattern parse(String pattern, List<String> hostTypes, String owner) {
      try {
        return SubdomainPattern.parse(pattern, hostTypes, owner);
      } catch (DomainException e) {
        throw ConfigException.at("subdomains", e.getMessage());
      }
    }
  }

  /**
   * @param timeoutMs how long a SIGTERM'd node may take to drain requests, release its leases and
   *     leave the cluster before it exits anyway
   */
  public record Shutdown(@Default("20000") @Range(min = 100, max = ONE_HOUR_MS) long timeoutMs) {}

  /**
   * @param retentionDays how long audit rows are kept (README "Operating", audit log)
   * @param cleaningIntervalS how often older rows are deleted
   * @param maxPendingRows rows waiting to be written beyond which new ones are dropped (and counted)
   */
  public record Audit(@Default("90") @Range(min = 1, max = 36_500) long retentionDays,
                      @Default("3600") @Range(min = 1, max = ONE_YEAR_S) long cleaningIntervalS,
                      @Default("100000") @Range(min = 2, max = 10_000_000) int maxPendingRows) {}

  /** @param batchSize rows written per transaction by {@code POST /api/domains/import} (README "Operating") */
  public record Bulk(@Default("1000") @Range(min = 1, max = 10_000) int batchSize) {}

  /**
   * @param streamHeartbeatMs interval of the heartbeat comment of {@code /api/events/stream}
   * @param streamPollMs how often the stream reads new events (it also reads at once when this node's registry changes)
   * @param digestCheckIntervalMs how often each node compares the cluster's digests
   */
  public record Feed(@Default("15000") @Range(min = 10, max = ONE_HOUR_MS) long streamHeartbeatMs,
                     @Default("1000") @Range(min = 10, max = ONE_HOUR_MS) long streamPollMs,
                     @Default("10000") @Range(min = 10, max = ONE_DAY_MS) long digestCheckIntervalMs) {}
}
