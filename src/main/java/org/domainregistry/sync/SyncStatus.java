package org.domainregistry.sync;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.domainregistry.registry.Digest;
import org.domainregistry.store.IdRange;
import org.domainregistry.store.ListenState;

/**
 * How far this node's registry is in step with the database, written by the event poll and
 * read by anyone (health, metrics, {@code /api/sync}).
 */
public final class SyncStatus {
  private volatile boolean loaded;
  private volatile long appliedEventId;
  private volatile long maxSeenEventId;
  private volatile long dbMaxEventId;
  private volatile int pendingGaps;
  private volatile List<IdRange> gapRanges = List.of();
  private volatile Instant staleSince;
  private volatile Instant lastPollAt;
  private volatile long fullReloads;
  private final SyncCounters counters = new SyncCounters();
  private volatile LongSupplier digestSource = () -> 0;
  private volatile DigestAt digest = new DigestAt(0, 0, true);
  private final AtomicLong digestDivergences = new AtomicLong();
  private volatile ListenState listen = new ListenState();

  /**
   * The registry's digest as it was when event {@code eventId} was recorded as applied;
   * {@code complete} when no event above it was applied yet (only then do nodes at the same id
   * hold the same events).
   */
  public record DigestAt(long eventId, long digest, boolean complete) {}

  /** Where the digest is read each time a page of events is applied (the node's registry). */
  public void digestFrom(LongSupplier source) {
    this.digestSource = source;
  }

  /** Where the state of the LISTEN connection is read (the database verticle's). */
  public void listenFrom(ListenState state) {
    this.listen = state;
  }

  /** Whether the LISTEN connection is up and how often it was replaced. */
  public ListenState listen() {
    return listen;
  }

  /** The digest at the last applied page. */
  public DigestAt digest() {
    return digest;
  }

  /** How many times a digest check found nodes at the same applied id holding different digests. */
  public long digestDivergences() {
    return digestDivergences.get();
  }

  void recordDivergence() {
    digestDivergences.incrementAndGet();
  }

  /** True once a full load has completed; until then only static domains are served. */
  public boolean loaded() {
    return loaded;
  }

  /** Ready: loaded, and the last poll reached the database. */
  public boolean ready() {
    return loaded && staleSince == null;
  }

  /** Highest event id applied with nothing missing below it. */
  public long appliedEventId() {
    return appliedEventId;
  }

  /** Highest event id read. */
  public long maxSeenEventId() {
    return maxSeenEventId;
  }

  /** Highest event id known to be in the database. */
  public long dbMaxEventId() {
    return dbMaxEventId;
  }

  /** How many ids below the highest read are still missing. */
  public int pendingGaps() {
    return pendingGaps;
  }

  /** The ranges of ids below the highest seen that are still missing here. */
  public List<IdRange> gapRanges() {
    return gapRanges;
  }

  /** When the database was first found unreachable in the current outage, or null. */
  public Instant staleSince() {
    return staleSince;
  }

  /** When the last successful poll ended, or null. */
  public Instant lastPollAt() {
    return lastPollAt;
  }

  /** Full loads since start, the first included. */
  public long fullReloads() {
    return fullReloads;
  }

  /** What the sync did since start, for metrics. */
  public SyncCounters counters() {
    return counters;
  }

  /**
   * The state as the APIs show it (README "REST admin API", sync state): {@code node},
   * {@code applied_event_id}, {@code max_seen_event_id}, {@code db_max_event_id},
   * {@code pending_gaps}, {@code loaded}, {@code ready}, {@code stale_since}, {@code last_poll_at},
   * {@code full_reloads}, {@code dynamic_domains}, {@code digest} with {@code digest_event_id} and
   * {@code digest_complete}, {@code listening} and {@code listen_reconnects}.
   */
  public JsonObject toJson(String nodeId, int dynamicDomains) {
    DigestAt at = digest;
    Instant stale = staleSince;
    Instant lastPoll = lastPollAt;
    return new JsonObject()
        .put("node", nodeId)
        .put("applied_event_id", appliedEventId)
        .put("max_seen_event_id", maxSeenEventId)
        .put("db_max_event_id", dbMaxEventId)
        .put("pending_gaps", pendingGaps)
        .put("loaded", loaded)
        .put("ready", ready())
        .put("stale_since", stale == null ? null : stale.toString())
        .put("last_poll_at", lastPoll == null ? null : lastPoll.toString())
        .put("full_reloads", fullReloads)
        .put("dynamic_domains", dynamicDomains)
        .put("digest", Digest.hex(at.digest()))
        .put("digest_event_id", at.eventId())
        .put("digest_complete", at.complete())
        .put("listening", listen.listening())
        .put("listen_reconnects", listen.reconnects());
  }

  void recordLoad() {
    loaded = true;
    fullReloads++;
  }

  /**
   * The applied id as soon as the cursor counts an event, before the registry shows it, so that
   * {@code /api/sync}, read on another thread, is never behind what lookups already serve (an
   * acknowledged write included).
   */
  void advanceApplied(long applied) {
    appliedEventId = applied;
  }

  void recordApplied(EventCursor cursor) {
    appliedEventId = cursor.applied();
    maxSeenEventId = cursor.maxSeen();
    pendingGaps = (int) Math.min(Integer.MAX_VALUE, cursor.missingCount());
    gapRanges = pendingGaps == 0 ? List.of() : cursor.gaps();
    dbMaxEventId = Math.max(dbMaxEventId, maxSeenEventId);
    counters.recordGaps(cursor.gapsFound(), cursor.gapsFilled());
    digest = new DigestAt(appliedEventId, digestSource.getAsLong(), appliedEventId == maxSeenEventId);
  }

  void recordPoll(EventCursor cursor, long dbMax, Instant now) {
    recordApplied(cursor);
    dbMaxEventId = Math.max(dbMax, cursor.maxSeen());
    lastPollAt = now;
    staleSince = null;
    counters.recordPoll();
  }

  /** Returns true when this failure starts a new outage. */
  boolean recordFailure(Instant now) {
    counters.recordDbError();
    if (staleSince == null) {
      staleSince = now;
      return true;
    }
    return false;
  }
}
