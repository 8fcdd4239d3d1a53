package org.domainregistry.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainName;
import org.domainregistry.store.AuditRecord;
import org.domainregistry.store.AuditStore;

/**
 * Pages of the audit log the same way for REST and GraphQL (README "Operating", audit log): keyset
 * by id, filtered by domain (canonical when valid, else as written) and caller.
 */
public final class AuditReader {
  private final AuditStore store;

  /** Pages of {@code store}. */
  public AuditReader(AuditStore store) {
    this.store = store;
  }

  /** One page of the log, with the id to continue after when it is full. */
  public record Page(List<AuditRecord> items, Optional<Long> next) {
    /** {@code {"items":[...],"next": id or null}}. */
    public JsonObject toJson() {
      JsonArray array = new JsonArray();
      items.forEach(r -> array.add(new JsonObject().put("id", r.id()).put("at", r.at().toString())
          .put("caller", r.caller()).put("node", r.node()).put("operation", r.operation()).put("domain", r.domain())
          .put("host_type", r.hostType()).put("result", r.result()).put("event_id", r.eventId())));
      return new JsonObject().put("items", array).put("next", next.orElse(null));
    }
  }

  /** A page; bad {@code after} or {@code limit} values fail with {@code error}. */
  public Future<Page> page(Optional<String> domain, Optional<String> caller, Optional<Object> after,
                           Optional<Object> limit, DomainError error) {
    return Future.succeededFuture().compose(x -> {
      long afterId = after.map(value -> Requests.afterId(value, error)).orElse(0L);
      int size = limit.map(value -> Requests.limit(value, error)).orElse(Requests.DEFAULT_LIMIT);
      return store.page(domain.map(DomainName::canonicalOrAsGiven), caller, afterId, size)
          .map(items -> new Page(items, items.size() == size
              ? Optional.of(items.get(items.size() - 1).id()) : Optional.empty()));
    });
  }
}
