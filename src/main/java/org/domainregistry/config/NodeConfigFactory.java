package org.domainregistry.config;

import static org.domainregistry.config.ConfigSchema.*;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainName;

/** Builds a {@link NodeConfig} from settings, checking what goes beyond a single value's type. */
final class NodeConfigFactory {
  private NodeConfigFactory() {}

  static NodeConfig build(Settings s) {
    return new NodeConfig(
        new NodeConfig.Http(s.string(HTTP_HOST), s.intValue(HTTP_PORT), s.intValue(HTTP_MAX_BODY_BYTES)),
        new NodeConfig.Db(dbUrl(s), s.intValue(DB_POOL_SIZE), s.string(DB_EMBEDDED_DIR),
            s.intValue(DB_EMBEDDED_PORT)),
        staticDomains(s),
        hostTypes(s),
        new NodeConfig.Sync(s.longValue(SYNC_POLL_INTERVAL_MS), s.intValue(SYNC_PAGE_SIZE),
            s.longValue(SYNC_EVENT_CLEANING_INTERVAL_S), s.longValue(SYNC_EVENT_MAX_AGE_S),
            s.longValue(SYNC_GAP_FILL_DELAY_MS), s.longValue(SYNC_CLUSTER_WAIT_TIMEOUT_MS)),
        admin(s),
        new NodeConfig.Cluster(s.bool(CLUSTER_ENABLED), s.string(CLUSTER_NAME), s.string(CLUSTER_HOST),
            s.intValue(CLUSTER_PORT), s.stringList(CLUSTER_MEMBERS)),
        new NodeConfig.Removal(s.longValue(REMOVAL_HANDLER_TIMEOUT_MS), s.longValue(REMOVAL_LEASE_MS),
            s.longValue(REMOVAL_POLL_INTERVAL_MS), s.longValue(REMOVAL_RETRY_BASE_MS),
            s.longValue(REMOVAL_RETRY_MAX_MS)));
  }

  private static Optional<String> dbUrl(Settings s) {
    Optional<String> url = s.optionalString(DB_URL);
    url.filter(u -> !hasPostgresScheme(u)).ifPresent(u -> {
      throw s.get(DB_URL).fail("expected a postgresql://user:password@host:port/database URL"
          + " (scheme postgresql or postgres)");
    });
    return url;
  }

  private static boolean hasPostgresScheme(String url) {
    for (String scheme : List.of("postgresql://", "postgres://")) {
      if (url.regionMatches(true, 0, scheme, 0, scheme.length()) && url.length() > scheme.length()) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> staticDomains(Settings s) {
    Setting setting = s.get(STATIC_DOMAINS);
    Map<String, String> byCanonicalName = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : s.stringMap(STATIC_DOMAINS).entrySet()) {
      String where = Settings.quoted(entry.getKey());
      String domain = canonicalDomain(setting, entry.getKey());
      if (!DomainName.isValidHostType(entry.getValue())) {
        throw setting.fail(where, "invalid host type (expected 1-100 printable characters)");
      }
      String earlier = spelling.putIfAbsent(domain, entry.getKey());
      if (earlier != null) {
        throw setting.fail(where, "same domain as \"" + earlier + "\" (both are " + domain + ")");
      }
      byCanonicalName.put(domain, entry.getValue());
    }
    return byCanonicalName;
  }

  private static String canonicalDomain(Setting setting, String name) {
    try {
      return DomainName.normalize(name);
    } catch (DomainException e) {
      throw setting.fail(Settings.quoted(name), "invalid domain name (expected labels of 1-63"
          + " letters, digits and inner hyphens, at most 253 characters in all)");
    }
  }

  private static List<String> hostTypes(Settings s) {
    Setting setting = s.get(HOST_TYPES);
    List<String> hostTypes = s.stringList(HOST_TYPES);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < hostTypes.size(); i++) {
      String hostType = hostTypes.get(i);
      if (!DomainName.isValidHostType(hostType)) {
        throw setting.fail("[" + i + "]", "invalid host type (expected 1-100 printable characters)");
      }
      if (!seen.add(hostType)) {
        throw setting.fail("[" + i + "]", "duplicate host type \"" + hostType + "\"");
      }
    }
    return hostTypes;
  }

  private static Optional<NodeConfig.Admin> admin(Settings s) {
    Optional<String> username = s.optionalString(ADMIN_USERNAME);
    Optional<String> password = s.optionalString(ADMIN_PASSWORD);
    if (username.isEmpty() && password.isEmpty()) {
      return Optional.empty();
    }
    if (username.isEmpty() || password.isEmpty()) {
      ConfigKey missing = username.isEmpty() ? ADMIN_USERNAME : ADMIN_PASSWORD;
      throw new ConfigException(missing.path() + ": missing; admin needs both username and password"
          + " (or neither, for no authentication; env " + missing.envName() + ")");
    }
    return Optional.of(new NodeConfig.Admin(username.get(), password.get()));
  }
}
