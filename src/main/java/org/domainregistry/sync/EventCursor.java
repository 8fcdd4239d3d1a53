package org.domainregistry.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a reader is in the events table. Event ids are taken at insert and become visible at
 * commit, so ids can show up out of order; the cursor therefore tracks, besides the highest id
 * seen, the ids below it not seen yet (gaps), and the highest id with nothing missing below it.
 * Plain Java, used by one thread at a time.
 */
public final class EventCursor {
  /** A jump in ids larger than this is not tracked id by id: the reader reloads instead. */
  static final int MAX_TRACKED_JUMP = 10_000;
  private static final int RECENT_IDS = 4096;
  private long maxSeen;
  private long applied;
  private long gapsFound;
  private long gapsFilled;
  private final TreeMap<Long, Long> gaps = new TreeMap<>();
  private final Set<Long> snapshotGaps = new HashSet<>();
  private final Map<Long, String> recentlyRead = new LinkedHashMap<>(RECENT_IDS * 2, 0.75f) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
      return size() > RECENT_IDS;
    }
  };

  /** Ids found missing since start (a reload's snapshot included), for metrics. */
  public long gapsFound() {
    return gapsFound;
  }

  /** Missing ids whose event arrived later (written late, or plugged), for metrics. */
  public long gapsFilled() {
    return gapsFilled;
  }

  /** Starts over after a full load whose snapshot saw {@code present} among the ids above {@code windowStart}. */
  public void resetToSnapshot(long maxEventId, long windowStart, Collection<Long> present, long nowMillis) {
    gaps.clear();
    snapshotGaps.clear();
    recentlyRead.clear();
    maxSeen = maxEventId;
    Set<Long> seen = new HashSet<>(present);
    for (long id = windowStart + 1; id <= maxEventId; id++) {
      if (!seen.contains(id)) {
        gaps.put(id, nowMillis);
        snapshotGaps.add(id);
        gapsFound++;
      }
    }
    advance();
  }

  /**
   * Notes that the event with this id has been read and applied. Returns false, recording nothing,
   * when the id is too far above the highest seen to track the ids in between: the reader must
   * reload.
   */
  public boolean record(long id, String domain, long nowMillis) {
    if (id > maxSeen) {
      if (id - maxSeen > MAX_TRACKED_JUMP) {
        return false;
      }
      for (long missing = maxSeen + 1; missing < id; missing++) {
        gaps.put(missing, nowMillis);
        gapsFound++;
      }
      maxSeen = id;
    } else {
      if (gaps.remove(id) != null) {
        gapsFilled++;
      }
      snapshotGaps.remove(id);
    }
    recentlyRead.put(id, domain);
    advance();
    return true;
  }

  /** True when this event (id and domain) was among the last few thousand read. */
  public boolean wasReadRecently(long id, String domain) {
    return domain.equals(recentlyRead.get(id));
  }

  /**
   * True when every event up to {@code upTo} has been applied, leaving out only ids in
   * {@code except} (ids still missing for whoever asks, too).
   */
  public boolean hasAppliedAllUpTo(long upTo, Collection<Long> except) {
    if (maxSeen < upTo) {
      return false;
    }
    for (Long gap : gaps.headMap(upTo, true).keySet()) {
      if (!except.contains(gap)) {
        return false;
      }
    }
    return true;
  }

  /** True when the event with this id has been applied (it is at or below the highest seen and no gap). */
  public boolean isApplied(long id) {
    return id <= maxSeen && !gaps.containsKey(id);
  }

  /** Highest id with every id at or below it applied or known to be a hole. */
  public long applied() {
    return applied;
  }

  /** The highest id read. */
  public long maxSeen() {
    return maxSeen;
  }

  /** The ids below the highest seen that have not been seen. */
  public NavigableSet<Long> gaps() {
    return gaps.navigableKeySet();
  }

  /**
   * The gaps first noticed at or before {@code cutoffMillis}, lowest first, each saying whether a
   * snapshot found it missing (everything committed before a snapshot is in it, so such an id may be
   * plugged even below the oldest kept event).
   */
  List<GapPlugger.GapToPlug> gapsNoticedBefore(long cutoffMillis) {
    List<GapPlugger.GapToPlug> old = new ArrayList<>();
    for (Map.Entry<Long, Long> gap : gaps.entrySet()) {
      if (gap.getValue() <= cutoffMillis) {
        old.add(new GapPlugger.GapToPlug(gap.getKey(), snapshotGaps.contains(gap.getKey())));
      }
    }
    return old;
  }

  private void advance() {
    applied = gaps.isEmpty() ? maxSeen : gaps.firstKey() - 1;
  }
}
