package org.domainregistry.config;

import static org.domainregistry.config.ConfigKey.bool;
import static org.domainregistry.config.ConfigKey.integer;
import static org.domainregistry.config.ConfigKey.optionalString;
import static org.domainregistry.config.ConfigKey.string;
import static org.domainregistry.config.ConfigKey.stringList;
import static org.domainregistry.config.ConfigKey.stringMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every key a configuration may contain, with its default and accepted values. */
final class ConfigSchema {
  private static final long PORT_MAX = 65_535;
  private static final long ONE_HOUR_MS = 3_600_000;
  private static final long ONE_DAY_MS = 86_400_000;
  private static final long ONE_YEAR_S = 31_536_000;

  static final ConfigKey HTTP_HOST = string("http.host", "127.0.0.1");
  static final ConfigKey HTTP_PORT = integer("http.port", 8088, 0, PORT_MAX);
  static final ConfigKey HTTP_MAX_BODY_BYTES = integer("http.max_body_bytes", 65_536, 1_024, 67_108_864);

  static final ConfigKey DB_URL = optionalString("db.url");
  static final ConfigKey DB_POOL_SIZE = integer("db.pool_size", 8, 1, 1_000);
  static final ConfigKey DB_EMBEDDED_DIR = string("db.embedded_dir", "data/postgres");
  static final ConfigKey DB_EMBEDDED_PORT = integer("db.embedded_port", 5433, 0, PORT_MAX);

  static final ConfigKey STATIC_DOMAINS = stringMap("static_domains");
  static final ConfigKey HOST_TYPES = stringList("host_types", List.of());

  static final ConfigKey SYNC_POLL_INTERVAL_MS = integer("sync.poll_interval_ms", 1_000, 10, ONE_DAY_MS);
  static final ConfigKey SYNC_PAGE_SIZE = integer("sync.page_size", 1_000, 1, 100_000);
  static final ConfigKey SYNC_EVENT_CLEANING_INTERVAL_S =
      integer("sync.event_cleaning_interval_s", 1_800, 1, ONE_YEAR_S);
  static final ConfigKey SYNC_EVENT_MAX_AGE_S = integer("sync.event_max_age_s", 7_200, 1, 10 * ONE_YEAR_S);
  static final ConfigKey SYNC_GAP_FILL_DELAY_MS = integer("sync.gap_fill_delay_ms", 200, 0, ONE_HOUR_MS);
  static final ConfigKey SYNC_CLUSTER_WAIT_TIMEOUT_MS =
      integer("sync.cluster_wait_timeout_ms", 5_000, 1, ONE_HOUR_MS);

  static final ConfigKey REMOVAL_HANDLER_TIMEOUT_MS =
      integer("removal.handler_timeout_ms", 10_000, 1, ONE_HOUR_MS);
  static final ConfigKey REMOVAL_LEASE_MS = integer("removal.lease_ms", 30_000, 100, ONE_HOUR_MS);
  static final ConfigKey REMOVAL_POLL_INTERVAL_MS = integer("removal.poll_interval_ms", 1_000, 10, ONE_DAY_MS);
  static final ConfigKey REMOVAL_RETRY_BASE_MS = integer("removal.retry_base_ms", 1_000, 1, ONE_DAY_MS);
  static final ConfigKey REMOVAL_RETRY_MAX_MS = integer("removal.retry_max_ms", 300_000, 1, ONE_DAY_MS);

  static final ConfigKey ADMIN_USERNAME = optionalString("admin.username");
  static final ConfigKey ADMIN_PASSWORD = optionalString("admin.password");

  static final ConfigKey CLUSTER_ENABLED = bool("cluster.enabled", false);
  static final ConfigKey CLUSTER_NAME = string("cluster.name", "domain-registry");
  static final ConfigKey CLUSTER_HOST = string("cluster.host", "127.0.0.1");
  static final ConfigKey CLUSTER_PORT = integer("cluster.port", 5701, 0, PORT_MAX);
  static final ConfigKey CLUSTER_MEMBERS = stringList("cluster.members", List.of("127.0.0.1:5701"));

  /** All keys, in the order of the default configuration file. */
  static final List<ConfigKey> KEYS = List.of(
      HTTP_HOST, HTTP_PORT, HTTP_MAX_BODY_BYTES,
      DB_URL, DB_POOL_SIZE, DB_EMBEDDED_DIR, DB_EMBEDDED_PORT,
      STATIC_DOMAINS, HOST_TYPES,
      SYNC_POLL_INTERVAL_MS, SYNC_PAGE_SIZE, SYNC_EVENT_CLEANING_INTERVAL_S, SYNC_EVENT_MAX_AGE_S,
      SYNC_GAP_FILL_DELAY_MS, SYNC_CLUSTER_WAIT_TIMEOUT_MS,
      REMOVAL_HANDLER_TIMEOUT_MS, REMOVAL_LEASE_MS, REMOVAL_POLL_INTERVAL_MS, REMOVAL_RETRY_BASE_MS,
      REMOVAL_RETRY_MAX_MS,
      ADMIN_USERNAME, ADMIN_PASSWORD,
      CLUSTER_ENABLED, CLUSTER_NAME, CLUSTER_HOST, CLUSTER_PORT, CLUSTER_MEMBERS);

  private static final Map<String, ConfigKey> BY_PATH = index(KEYS, false);
  private static final Map<String, ConfigKey> BY_ENV_NAME = index(KEYS, true);

  private ConfigSchema() {}

  static Optional<ConfigKey> byPath(String path) {
    return Optional.ofNullable(BY_PATH.get(path));
  }

  static Optional<ConfigKey> byEnvName(String envName) {
    return Optional.ofNullable(BY_ENV_NAME.get(envName));
  }

  /** Whether {@code name} is a section, i.e. a top-level key whose value is a mapping of keys. */
  static boolean isSection(String name) {
    return !BY_PATH.containsKey(name) && KEYS.stream().anyMatch(k -> k.section().equals(name));
  }

  /** The names a section, or the top level when {@code section} is null, may contain. */
  static String namesIn(String section) {
    Stream<String> names = section == null
        ? KEYS.stream().map(ConfigKey::section)
        : KEYS.stream().filter(k -> k.path().startsWith(section + ".")).map(ConfigKey::name);
    return names.distinct().collect(Collectors.joining(", "));
  }

  private static Map<String, ConfigKey> index(List<ConfigKey> keys, boolean byEnvName) {
    Map<String, ConfigKey> index = new LinkedHashMap<>();
    for (ConfigKey key : keys) {
      String name = byEnvName ? key.envName() : key.path();
      if (index.put(name, key) != null) {
        throw new IllegalStateException("two configuration keys share " + name);
      }
    }
    return Map.copyOf(index);
  }
}
