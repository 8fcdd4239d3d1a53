package org.domainregistry.sync;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.store.DomainEvent;
import org.domainregistry.store.DomainStore;
import org.domainregistry.store.EventBounds;
import org.domainregistry.store.Snapshot;
import org.domainregistry.store.StoredDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry in step with the database: a full load from one snapshot, then the events
 * table applied page by page. An event names only a domain; its current row decides (enabled:
 * put in, anything else or no row: take out), so applying an event twice is harmless. Not thread
 * safe: the event poll verticle calls it from its own context, one operation at a time.
 */
public final class EventPoller {
  private static final Logger LOG = LoggerFactory.getLogger(EventPoller.class);
  private final DomainStore store;
  private final DomainRegistry registry;
  private final SyncStatus status;
  private final int pageSize;
  private final Clock clock;
  private final EventCursor cursor = new EventCursor();
  private boolean reloadNeeded = true;

  public EventPoller(DomainStore store, DomainRegistry registry, SyncStatus status, int pageSize, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.status = status;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  /** One poll: a full load when needed (first time, or fell behind the cleaner), then new events. */
  public Future<Void> poll() {
    Future<Void> start = reloadNeeded ? fullLoad() : Future.succeededFuture();
    return start.compose(x -> applyEvents())
        .compose(x -> store.eventBounds())
        .map(this::checkBounds);
  }

  /** True when the event with this id has been applied to the registry. */
  public boolean isApplied(long eventId) {
    return cursor.isApplied(eventId);
  }

  /** Gaps old enough to be plugged with a dummy event. */
  public List<Long> gapsNoticedBefore(long cutoffMillis) {
    return cursor.gapsNoticedBefore(cutoffMillis);
  }

  EventCursor cursor() {
    return cursor;
  }

  private Future<Void> fullLoad() {
    boolean firstLoad = !status.loaded();
    Set<String> loaded = firstLoad ? null : new HashSet<>();
    long started = clock.millis();
    return store.loadEnabled(pageSize, page -> {
      for (StoredDomain domain : page) {
        registry.putDynamic(domain.domain(), domain.hostType());
        if (loaded != null) {
          loaded.add(domain.domain());
        }
      }
    }).map(snapshot -> {
      if (loaded != null) {
        registry.retainDynamic(loaded::contains);
      }
      cursor.resetToSnapshot(snapshot.maxEventId(), snapshot.windowStart(), snapshot.recentEventIds(), clock.millis());
      reloadNeeded = false;
      status.recordLoad();
      logLoad(firstLoad, snapshot, clock.millis() - started);
      return null;
    });
  }

  private Future<Void> applyEvents() {
    return store.eventsAfter(cursor.maxSeen(), cursor.gaps(), pageSize).compose(events -> {
      long now = clock.millis();
      for (DomainEvent event : events) {
        if (!event.isDummy()) {
          apply(event);
        }
        cursor.record(event.id(), now);
      }
      status.recordApplied(cursor);
      return events.size() < pageSize ? Future.succeededFuture() : applyEvents();
    });
  }

  private void apply(DomainEvent event) {
    StoredDomain row = event.current();
    if (row != null && row.status() == DomainStatus.ENABLED) {
      DomainRegistry.Change change = registry.putDynamic(event.domain(), row.hostType());
      logChange(event, row.hostType(), change);
    } else {
      DomainRegistry.Change change = registry.removeDynamic(event.domain());
      logChange(event, row == null ? "-" : row.hostType(), change);
    }
  }

  private Void checkBounds(EventBounds bounds) {
    if (cursor.applied() < bounds.cleanedThrough()) {
      LOG.warn("Out of sync: applied event {} is below the cleaned event {}; full reload on next poll",
          cursor.applied(), bounds.cleanedThrough());
      reloadNeeded = true;
    }
    status.recordPoll(cursor, bounds.maxId(), clock.instant());
    return null;
  }

  private static void logChange(DomainEvent event, String hostType, DomainRegistry.Change change) {
    if (change != DomainRegistry.Change.NONE) {
      LOG.info("Event {}: domain {} host type {}: {}", event.id(), event.domain(), hostType,
          change.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static void logLoad(boolean first, Snapshot snapshot, long millis) {
    LOG.info("{} load: {} enabled domains up to event {} in {} ms", first ? "Initial" : "Full reload",
        snapshot.domainsLoaded(), snapshot.maxEventId(), millis);
  }
}
