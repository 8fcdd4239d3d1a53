package org.domainregistry.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.domainregistry.store.IdRange;

/**
 * Where a reader is in the events table. Event ids are taken at insert and become visible at
 * commit, so ids can show up out of order; the cursor therefore tracks, besides the highest id
 * seen, the ranges of ids below it not seen yet (gaps: a bulk transaction's 50 000 ids are one
 * range), and the highest id with nothing missing below it. Plain Java, used by one thread at a time.
 */
public final class EventCursor {
  /** At most this many missing ids are offered for plugging at a time. */
  static final int MAX_PLUGS_PER_RUN = 100;
  private static final int RECENT_IDS = 4096;
  private long maxSeen;
  private long applied;
  private long missing;
  private long gapsFound;
  private long gapsFilled;
  private final TreeMap<Long, Gap> gaps = new TreeMap<>();
  private final Map<Long, String> recentlyRead = new LinkedHashMap<>(RECENT_IDS * 2, 0.75f) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
      return size() > RECENT_IDS;
    }
  };

  /** Missing ids from {@code from} to {@code to}, first noticed at {@code noticedAt}, by a snapshot or not. */
  private record Gap(long from, long to, long noticedAt, boolean fromSnapshot) {}

  /** Ids found missing since start (a reload's snapshot included), for metrics. */
  public long gapsFound() {
    return gapsFound;
  }

  /** Missing ids whose event arrived later (written late, or plugged), for metrics. */
  public long gapsFilled() {
    return gapsFilled;
  }

  /** Starts over after a full load whose snapshot, up to {@code maxEventId}, found these ids missing. */
  public void resetToSnapshot(long maxEventId, Collection<IdRange> missingInSnapshot, long nowMillis) {
    gaps.clear();
    recentlyRead.clear();
    missing = 0;
    maxSeen = maxEventId;
    for (IdRange range : missingInSnapshot) {
      addGap(new Gap(range.from(), range.to(), nowMillis, true));
    }
    advance();
  }

  /** Notes that the event with this id has been read and applied. */
  public void record(long id, String domain, long nowMillis) {
    if (id > maxSeen) {
      if (id > maxSeen + 1) {
        addGap(new Gap(maxSeen + 1, id - 1, nowMillis, false));
      }
      maxSeen = id;
    } else {
      Map.Entry<Long, Gap> holder = gaps.floorEntry(id);
      if (holder != null && holder.getValue().to() >= id) {
        Gap gap = gaps.remove(holder.getKey());
        if (gap.from() < id) {
          gaps.put(gap.from(), new Gap(gap.from(), id - 1, gap.noticedAt(), gap.fromSnapshot()));
        }
        if (gap.to() > id) {
          gaps.put(id + 1, new Gap(id + 1, gap.to(), gap.noticedAt(), gap.fromSnapshot()));
        }
        missing--;
        gapsFilled++;
      }
    }
    recentlyRead.put(id, domain);
    advance();
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
    if (maxSeen < upTo) {
      return false;
    }
    TreeMap<Long, Long> excepted = new TreeMap<>();
    except.forEach(range -> excepted.merge(range.from(), range.to(), Math::max));
    for (Gap gap : gaps.headMap(upTo, true).values()) {
      for (long id = gap.from(); id <= Math.min(gap.to(), upTo); ) {
        Map.Entry<Long, Long> cover = excepted.floorEntry(id);
        if (cover == null || cover.getValue() < id) {
          return false;
        }
        id = cover.getValue() + 1;
      }
    }
    return true;
  }

  /** True when the event with this id has been applied (it is at or below the highest seen and no gap). */
  public boolean isApplied(long id) {
    return id <= maxSeen && !isMissing(id);
  }

  /** True when this id is below the highest seen and not seen yet. */
  public boolean isMissing(long id) {
    Map.Entry<Long, Gap> holder = gaps.floorEntry(id);
    return holder != null && holder.getValue().to() >= id;
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
    return missing;
  }

  /** The ranges of ids below the highest seen that have not been seen, lowest first. */
  public List<IdRange> gaps() {
    List<IdRange> ranges = new ArrayList<>(gaps.size());
    gaps.values().forEach(gap -> ranges.add(new IdRange(gap.from(), gap.to())));
    return ranges;
  }

  /**
   * Missing ids first noticed at or before {@code cutoffMillis}, lowest first and at most
   * {@link #MAX_PLUGS_PER_RUN}, each saying whether a snapshot found it missing (everything
   * committed before a snapshot is in it, so such an id may be plugged even below the oldest kept event).
   */
  List<GapPlugger.GapToPlug> gapsNoticedBefore(long cutoffMillis) {
    List<GapPlugger.GapToPlug> old = new ArrayList<>();
    for (Gap gap : gaps.values()) {
      for (long id = gap.from(); gap.noticedAt() <= cutoffMillis && id <= gap.to(); id++) {
        if (old.size() == MAX_PLUGS_PER_RUN) {
          return old;
        }
        old.add(new GapPlugger.GapToPlug(id, gap.fromSnapshot()));
      }
    }
    return old;
  }

  private void addGap(Gap gap) {
    gaps.put(gap.from(), gap);
    missing += gap.to() - gap.from() + 1;
    gapsFound += gap.to() - gap.from() + 1;
  }

  private void advance() {
    applied = gaps.isEmpty() ? maxSeen : gaps.firstKey() - 1;
  }
}
