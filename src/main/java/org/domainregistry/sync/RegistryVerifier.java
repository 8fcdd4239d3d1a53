package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.store.DomainStore;
import org.domainregistry.store.StoredDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares this node's registry with the database (README "REST admin API", verify): the enabled
 * domains of one REPEATABLE READ snapshot, read page by page, against the registry read without
 * locks, so lookups go on meanwhile. A domain written while the check runs may differ only
 * because of that write: each difference is checked again against its current row, and kept
 * only if the registry still disagrees with it.
 */
public final class RegistryVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryVerifier.class);
  private final DomainRegistry registry;
  private final DomainStore store;
  private final SyncStatus status;
  private final int pageSize;

  /** Checks {@code registry} against {@code store}, reading {@code pageSize} rows at a time. */
  public RegistryVerifier(DomainRegistry registry, DomainStore store, SyncStatus status, int pageSize) {
    this.registry = registry;
    this.store = store;
    this.status = status;
    this.pageSize = pageSize;
  }

  /**
   * {@code {"node_event_id", "snapshot_event_id", "checked", "equal", "differences": [{"domain",
   * "node_host_type", "db_host_type"}]}}, host types null where the domain is absent.
   */
  public Future<JsonObject> verify() {
    long applied = status.appliedEventId();
    Map<String, String> expected = new HashMap<>();
    Set<String> seen = new HashSet<>();
    Map<String, String[]> differing = new TreeMap<>();
    return store.loadEnabled(pageSize, page -> {
      for (StoredDomain row : page) {
        if (registry.isAllowedHostType(row.hostType()) && !registry.isStatic(row.domain())) {
          seen.add(row.domain());
          String held = registry.hostTypeOf(row.domain());
          if (!row.hostType().equals(held)) {
            differing.put(row.domain(), new String[] {held, row.hostType()});
          }
        }
      }
    }).compose(snapshot -> {
      registry.forEachDynamic((domain, type) -> {
        if (!seen.contains(domain)) {
          differing.put(domain, new String[] {type, null});
        }
      });
      return store.findAll(differing.keySet()).map(current -> {
        current.forEach((domain, row) -> expected.put(domain, row.status() == DomainStatus.ENABLED
            && registry.isAllowedHostType(row.hostType()) ? row.hostType() : null));
        JsonArray differences = new JsonArray();
        differing.forEach((domain, pair) -> {
          String now = registry.hostTypeOf(domain);
          if (!Objects.equals(now, expected.get(domain))) {
            differences.add(new JsonObject().put("domain", domain).put("node_host_type", now)
                .put("db_host_type", expected.get(domain)));
          }
        });
        if (!differences.isEmpty()) {
          LOG.warn("Verify: {} domains differ from the database at snapshot event {}, e.g. {}", differences.size(),
              snapshot.maxEventId(), differences.getJsonObject(0));
        }
        return new JsonObject().put("node_event_id", applied).put("snapshot_event_id", snapshot.maxEventId())
            .put("checked", snapshot.domainsLoaded()).put("equal", differences.isEmpty())
            .put("differences", differences);
      });
    });
  }
}
