package org.domainregistry.sync;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domainregistry.store.IdRange;

/**
 * Where a reader is in the events table. Event ids are taken at insert and become visible at
 * commit, so ids can show up out of order; the cursor therefore tracks, besides the highest id
 * seen, the ranges of ids below it not seen yet (gaps: a bulk transaction's 50 000 ids are one
 * range), at most {@link IdRange#MAX_TRACKED} of them, and the highest id with nothing missing
 * below it. Plain Java, used by one thread at a time.
 */
public final class EventCursor {
  /** At most this many missing ids are offered for plugging at a time. */
  static final int MAX_PLUGS_PER_RUN = 100;
  private static final int RECENT_IDS = 4096;
  private long maxSeen;
  private long applied;
  private long gapsFound;
  private long gapsFilled;
  private final MissingRanges gaps = new MissingRanges();
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

  /**
   * Starts over after a full load whose snapshot, up to {@code maxEventId}, found these ranges
   * missing (lowest first). Past {@link IdRange#MAX_TRACKED} ranges, the cursor keeps the first
   * ones and stands just below the next: the events above it are read again (harmless), and none
   * is passed unseen.
   */
  public void resetToSnapshot(long maxEventId, List<IdRange> missingInSnapshot, long nowMillis) {
    gaps.clear();
    recentlyRead.clear();
    maxSeen = missingInSnapshot.size() > IdRange.MAX_TRACKED
        ? missingInSnapshot.get(IdRange.MAX_TRACKED).from() - 1 : maxEventId;
    for (IdRange range : missingInSnapshot.subList(0, Math.min(IdRange.MAX_TRACKED, missingInSnapshot.size()))) {
      gapsFound += gaps.add(range.from(), range.to(), nowMillis, true);
    }
    advance();
  }

  /**
   * Notes that the event with this id has been read and applied. Returns false, recording nothing,
   * when the ids between it and the highest seen would be one range more than the
   * {@link IdRange#MAX_TRACKED} tracked: the reader must not pass it (a full reload, or later).
   */
  public boolean record(long id, String domain, long nowMillis) {
    if (id > maxSeen) {
      if (id > maxSeen + 1) {
        if (gaps.ranges() >= IdRange.MAX_TRACKED) {
          return false;
        }
        gapsFound += gaps.add(maxSeen + 1, id - 1, nowMillis, false);
      }
      maxSeen = id;
    } else if (gaps.remove(id)) {
      gapsFilled++;
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
  public boolean hasAppliedAllUpTo(long upTo, Collection<IdRange> except) {
    return maxSeen >= upTo && gaps.allExcepted(upTo, except);
  }

  /** True when the event with this id has been applied (it is at or below the highest seen and no gap). */
  public boolean isApplied(long id) {
    return id <= maxSeen && !gaps.contains(id);
  }

  /** True when this id is below the highest seen and not seen yet. */
  public boolean isMissing(long id) {
    return gaps.contains(id);
  }

  /** Highest id with every id at or below it applied or known to be a hole. */
  public long applied() {
    return applied;
  }

  /** The highest id read. */
  public long maxSeen() {
    return maxSeen;
  }

  /** How many ids below the highest seen have not been seen. */
  public long missingCount() {
    return gaps.ids();
  }

  /** How many ranges of missing ids are tracked. */
  public int missingRanges() {
    return gaps.ranges();
  }

  /** The ranges of ids below the highest seen that have not been seen, lowest first. */
  public List<IdRange> gaps() {
    return gaps.list();
  }

  /**
   * Missing ids first noticed at or before {@code cutoffMillis}, lowest first and at most
   * {@link #MAX_PLUGS_PER_RUN}, each saying whether a snapshot found it missing (everything
   * committed before a snapshot is in it, so such an id may be plugged even below the oldest kept event).
   */
  List<GapPlugger.GapToPlug> gapsNoticedBefore(long cutoffMillis) {
    return gaps.noticedBefore(cutoffMillis, MAX_PLUGS_PER_RUN);
  }

  private void advance() {
    applied = Math.min(maxSeen, gaps.lowest() - 1);
  }
}
