package org.domainregistry.sync;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.RegistryReload;
import org.domainregistry.store.DomainEvent;
import org.domainregistry.store.DomainStore;
import org.domainregistry.store.EventBounds;
import org.domainregistry.store.IdRange;
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
  private final RowApplier applier;
  private final SyncStatus status;
  private final int pageSize;
  private final Clock clock;
  private final LongSupplier monotonicMillis;
  private final EventCursor cursor = new EventCursor();
  private final Map<String, Long> recheck = new HashMap<>();
  private final long boundsCheckMillis;
  private long lastBoundsCheck = Long.MIN_VALUE / 2;
  private boolean reloadNeeded = true;
  private boolean reloadedWhileFull;

  /**
   * @param boundsCheckMillis how often a poll also checks the events table's bounds (whether this
   *     node fell behind the cleaner); polls in between only read new events
   * @param clock the time of day, only reported (last poll)
   * @param monotonicMillis what times durations (bounds checks, gap ages), unmoved by clock steps
   */
  public EventPoller(DomainStore store, DomainRegistry registry, SyncStatus status, int pageSize,
                     long boundsCheckMillis, Clock clock, LongSupplier monotonicMillis) {
    this.monotonicMillis = monotonicMillis;
    this.boundsCheckMillis = boundsCheckMillis;
    this.store = store;
    this.registry = registry;
    this.applier = new RowApplier(registry);
    this.status = status;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  /**
   * One poll: a full load when needed (first time, or behind the event cleaner), then the new
   * events; when the events it needed turn out to be cleaned away, a full reload at once.
   */
  public Future<Void> poll() {
    Future<Void> start = reloadNeeded ? fullLoad() : recheckDomains();
    Future<Void> applied = start.compose(x -> applyEvents());
    return applied.compose(x -> cursor.missingCount() == 0 && monotonicMillis.getAsLong() - lastBoundsCheck < boundsCheckMillis
        ? recordPollWithoutBounds()
        : checkBoundsAfterPoll());
  }

  private Future<Void> recordPollWithoutBounds() {
    status.recordPoll(cursor, cursor.maxSeen(), clock.instant());
    return Future.succeededFuture();
  }

  /** Whether this node fell behind the event cleaner: then a full reload, at once. */
  private Future<Void> checkBoundsAfterPoll() {
    return store.eventBounds().compose(bounds -> {
      lastBoundsCheck = monotonicMillis.getAsLong();
      if (isBehind(bounds)) {
        reloadNeeded = true;
        return poll();
      }
      status.recordPoll(cursor, bounds.maxId(), clock.instant());
      return Future.succeededFuture();
    });
  }

  /**
   * Takes note of an event the database announced. One the cursor will read anyway needs nothing
   * more; one at or below the ids already read (a writer that chose a low id by hand) has its
   * domain's row read again at the start of the next poll, before any newer event. Returns
   * whether a poll is needed for it: not when it is applied here already and read as announced.
   */
  public boolean announced(long eventId, String domain) {
    if (!domain.isEmpty() && eventId <= cursor.maxSeen() && !cursor.isMissing(eventId)
        && !cursor.wasReadRecently(eventId, domain)) {
      recheck.put(domain, eventId);
      return true;
    }
    return !cursor.isApplied(eventId);
  }

  /** Forces a full reload on the next poll (e.g. after an outage longer than events are kept). */
  public void reloadOnNextPoll() {
    reloadNeeded = true;
  }

  /** True when every event up to {@code upTo} is applied here, but for ids in {@code except}. */
  public boolean hasAppliedAllUpTo(long upTo, Collection<IdRange> except) {
    return cursor.hasAppliedAllUpTo(upTo, except);
  }

  /** True when the event with this id has been applied to the registry. */
  public boolean isApplied(long eventId) {
    return cursor.isApplied(eventId);
  }

  /** Gaps old enough to be plugged with a dummy event. */
  List<GapPlugger.GapToPlug> gapsNoticedBefore(long cutoffMillis) {
    return cursor.gapsNoticedBefore(cutoffMillis);
  }

  private Future<Void> fullLoad() {
    boolean firstLoad = !status.loaded();
    RegistryReload reload = registry.startReload();
    long started = monotonicMillis.getAsLong();
    long windowAtMost = firstLoad ? Long.MAX_VALUE : cursor.applied();
    return store.loadEnabled(pageSize, windowAtMost, page -> {
      for (StoredDomain domain : page) {
        reload.put(domain.domain(), domain.hostType());
      }
    }).map(snapshot -> {
      reload.finish(snapshot.maxEventId());
      cursor.resetToSnapshot(snapshot.maxEventId(), snapshot.missing(), monotonicMillis.getAsLong());
      reloadNeeded = false;
      status.recordLoad();
      status.recordApplied(cursor);
      logLoad(firstLoad, snapshot, monotonicMillis.getAsLong() - started);
      return null;
    });
  }

  private Future<Void> recheckDomains() {
    if (recheck.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, Long> announced = Map.copyOf(recheck);
    recheck.clear();
    return store.findAll(announced.keySet())
        .onFailure(failure -> announced.forEach(recheck::putIfAbsent))
        .map(rows -> {
          announced.forEach((domain, eventId) -> applier.apply(new DomainEvent(eventId, domain, rows.get(domain))));
          return null;
        });
  }

  private Future<Void> applyEvents() {
    return store.eventsAfter(cursor.maxSeen(), cursor.gaps(), pageSize).compose(events -> {
      long now = monotonicMillis.getAsLong();
      for (DomainEvent event : events) {
        if (!cursor.record(event.id(), event.domain(), now)) {
          status.recordApplied(cursor);
          return cursorFull(event.id());
        }
        status.advanceApplied(cursor.applied());
        if (!event.isDummy()) {
          applier.apply(event);
        }
      }
      status.recordApplied(cursor);
      reloadedWhileFull &= cursor.missingRanges() > IdRange.MAX_TRACKED / 2;
      return events.size() < pageSize ? Future.succeededFuture() : applyEvents();
    });
  }

  /**
   * The cursor tracks as many missing ranges as it may and an event would open one more: a full
   * reload, its window from the lowest missing id on. Once per episode: while the reloaded cursor is
   * still full, the poll stops below that event (read again later, when plugs or commits have
   * closed ranges), passing nothing unseen.
   */
  private Future<Void> cursorFull(long eventId) {
    if (reloadedWhileFull) {
      return Future.succeededFuture();
    }
    reloadedWhileFull = true;
    LOG.warn("Event {} opens one range of missing ids more than the {} tracked (lowest missing {}); full reload",
        eventId, IdRange.MAX_TRACKED, cursor.applied() + 1);
    return fullLoad().compose(x -> applyEvents());
  }

  private boolean isBehind(EventBounds bounds) {
    if (bounds.maxId() < cursor.maxSeen()) {
      LOG.warn("Event ids went back from {} to {} (table truncated or restored?); full reload",
          cursor.maxSeen(), bounds.maxId());
      return true;
    }
    if (cursor.applied() < bounds.cleanedThrough()) {
      LOG.warn("Out of sync: applied event {} is below the cleaned event {}; full reload",
          cursor.applied(), bounds.cleanedThrough());
      return true;
    }
    if (cursor.maxSeen() < bounds.minId() - 1) {
      LOG.warn("Out of sync: events up to {} were deleted before this node read them; full reload",
          bounds.minId() - 1);
      return true;
    }

    return false;
  }

  private static void logLoad(boolean first, Snapshot snapshot, long millis) {
    LOG.info("{}: {} enabled domains up to event {} in {} ms", first ? "Initial load" : "Full reload",
        snapshot.domainsLoaded(), snapshot.maxEventId(), millis);
  }
}
