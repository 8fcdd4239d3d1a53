package org.domainregistry.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Persistent storage of dynamic domains, their change log and their admins' passwords. Every
 * domain write changes {@code domain_settings} and appends one {@code domain_events} row in one
 * transaction, or changes nothing and appends nothing; passwords ({@code domain_admins}) are not
 * domain changes and append no event. Domains are deleted only through their removal
 * ({@link RemovalStore}), which runs the cleanup handlers first. Failures are
 * {@link org.domainregistry.registry.DomainException}s.
 */
public interface DomainStore {

  /** Creates a new enabled domain; an identical existing pair is unchanged; otherwise {@code duplicate}. */
  Future<WriteResult> insert(String domain, String hostType);

  /**
   * Sets the status to enabled or disabled. {@code not_found} when absent, {@code unknown_host_type}
   * when its host type fails {@code allowedHostType}, {@code deleted} while it is being deleted.
   */
  Future<WriteResult> setEnabled(String domain, boolean enabled, Predicate<String> allowedHostType);

  /** The stored row of the domain, or null. */
  Future<StoredDomain> find(String domain);

  /** The stored rows of these domains, by name; absent ones are left out. */
  Future<Map<String, StoredDomain>> findAll(Collection<String> domains);

  /** A page of stored domains ordered by name, leaving out the names in {@code excluded}. */
  Future<List<StoredDomain>> list(DomainQuery query, Collection<String> excluded);

  /**
   * Streams every enabled domain, page by page ordered by id, from one consistent snapshot,
   * handing each page to {@code sink}; returns what the snapshot saw of the events table, the ids
   * missing in its window included: the last 10 000 ids, or from {@code windowAtMost} (a reader's
   * applied id before a reload) when that is lower, never below what the cleaner deleted.
   */
  Future<Snapshot> loadEnabled(int pageSize, long windowAtMost, Consumer<List<StoredDomain>> sink);

  /** {@link #loadEnabled(int, long, Consumer)} with the last 10 000 ids as the window. */
  default Future<Snapshot> loadEnabled(int pageSize, Consumer<List<StoredDomain>> sink) {
    return loadEnabled(pageSize, Long.MAX_VALUE, sink);
  }

  /** Events with an id above {@code afterId} or in one of the {@code alsoIds} ranges, by id, at most {@code limit}. */
  Future<List<DomainEvent>> eventsAfter(long afterId, List<IdRange> alsoIds, int limit);

  /**
   * Plugs a hole in the event ids with a dummy event, MongooseIM's way: waits a while for a
   * transaction holding that id to end, then finds the real event or takes the id for good. A free
   * id below the oldest kept event is plugged only when {@code fromSnapshot} (a full load found it
   * missing, so whatever it was is in the loaded state); else it is {@link GapFill#BELOW_OLDEST}.
   */
  Future<GapFill> fillGap(long eventId, boolean fromSnapshot);

  /**
   * Deletes events older than {@code maxAge}, always keeping the newest, and none above
   * {@code upTo} (the cleaning node's applied id, so an event whose transaction is still open is
   * never passed); returns how many.
   */
  Future<Integer> cleanEvents(Duration maxAge, long upTo);

  /** The lowest and highest event id. */
  Future<EventBounds> eventBounds();

  /** The {@code domain_admins.pass_details} of the domain's admin, or null when it has no password. */
  Future<String> findAdminPassword(String domain);

  /**
   * Stores or replaces the password details of the domain's admin. A static domain (not stored)
   * always gets them; a dynamic one only while its row exists and is enabled. False when nothing
   * was stored because there is no such enabled domain.
   */
  Future<Boolean> setAdminPassword(String domain, String passDetails, boolean staticDomain);

  /** Deletes the password of the domain's admin; false when it had none. */
  Future<Boolean> deleteAdminPassword(String domain);
}
