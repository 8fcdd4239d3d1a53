package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.domainregistry.registry.DomainError;
import org.domainregistry.store.DomainEvent;
import org.domainregistry.store.DomainStore;

/**
 * The change feed (README "REST admin API", change feed): the events after an id, in id order,
 * each with its domain's state when read. Only events up to this node's applied id are served, so
 * an event whose transaction is still open is never skipped by a reader moving past it.
 */
public final class ChangeFeed {
  private final DomainStore store;
  private final SyncStatus status;

  /** The feed of {@code store}, bounded by what {@code status} says this node applied. */
  public ChangeFeed(DomainStore store, SyncStatus status) {
    this.store = store;
    this.status = status;
  }

  /**
   * {@code {"items": [{"id", "domain", "host_type", "status"}], "next"}}; {@code reload_needed}
   * (with the event id a fresh export reflects) when events after {@code after} were cleaned.
   */
  public Future<JsonObject> page(long after, int limit) {
    long upTo = status.appliedEventId();
    return store.eventBounds().compose(bounds -> {
      if (after < bounds.cleanedThrough()) {
        return Future.failedFuture(DomainError.RELOAD_NEEDED.exception("Events up to " + bounds.cleanedThrough()
            + " were cleaned; export the domains and follow the feed from event " + bounds.maxId()));
      }
      return after >= upTo ? Future.succeededFuture(List.<DomainEvent>of()) : store.eventsAfter(after, List.of(), limit);
    }).map(events -> {
      JsonArray items = new JsonArray();
      long next = after;
      for (DomainEvent event : events) {
        if (event.id() > upTo) {
          break;
        }
        next = event.id();
        if (!event.isDummy()) {
          items.add(item(event));
        }
      }
      return new JsonObject().put("items", items).put("next", next);
    });
  }

  /** The event id a fresh export reflects when a reader must start again. */
  public Future<Long> exportEventId() {
    return store.eventBounds().map(bounds -> bounds.maxId());
  }

  private static JsonObject item(DomainEvent event) {
    return new JsonObject().put("id", event.id()).put("domain", event.domain())
        .put("host_type", event.current() == null ? null : event.current().hostType())
        .put("status", event.current() == null ? "removed" : event.current().status().jsonName());
  }
}
