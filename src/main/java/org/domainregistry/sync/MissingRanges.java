package org.domainregistry.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.domainregistry.store.IdRange;

/**
 * The event ids a reader has not seen below the highest it has, as disjoint ranges keyed by their
 * lowest id: a bulk transaction's 50 000 held ids are one entry. Plain Java, one thread at a time.
 */
final class MissingRanges {
  private final TreeMap<Long, Gap> gaps = new TreeMap<>();
  private long ids;

  /** Missing ids from {@code from} to {@code to}, first noticed at {@code noticedAt}, by a snapshot or not. */
  private record Gap(long from, long to, long noticedAt, boolean fromSnapshot) {}

  void clear() {
    gaps.clear();
    ids = 0;
  }

  /** Adds ids above every one tracked; returns how many. */
  long add(long from, long to, long noticedAt, boolean fromSnapshot) {
    gaps.put(from, new Gap(from, to, noticedAt, fromSnapshot));
    ids += to - from + 1;
    return to - from + 1;
  }

  /** Takes this id out, splitting its range; false when it was not missing. */
  boolean remove(long id) {
    Map.Entry<Long, Gap> holder = gaps.floorEntry(id);
    if (holder == null || holder.getValue().to() < id) {
      return false;
    }
    Gap gap = gaps.remove(holder.getKey());
    if (gap.from() < id) {
      gaps.put(gap.from(), new Gap(gap.from(), id - 1, gap.noticedAt(), gap.fromSnapshot()));
    }
    if (gap.to() > id) {
      gaps.put(id + 1, new Gap(id + 1, gap.to(), gap.noticedAt(), gap.fromSnapshot()));
    }
    ids--;
    return true;
  }

  boolean contains(long id) {
    Map.Entry<Long, Gap> holder = gaps.floorEntry(id);
    return holder != null && holder.getValue().to() >= id;
  }

  /** How many ids are missing. */
  long ids() {
    return ids;
  }

  /** How many ranges are tracked. */
  int ranges() {
    return gaps.size();
  }

  /** The lowest missing id, or {@code Long.MAX_VALUE} when none is. */
  long lowest() {
    return gaps.isEmpty() ? Long.MAX_VALUE : gaps.firstKey();
  }

  /** The ranges, lowest first. */
  List<IdRange> list() {
    List<IdRange> ranges = new ArrayList<>(gaps.size());
    gaps.values().forEach(gap -> ranges.add(new IdRange(gap.from(), gap.to())));
    return ranges;
  }

  /** True when every missing id up to {@code upTo} is in one of the {@code except} ranges. */
  boolean allExcepted(long upTo, Collection<IdRange> except) {
    TreeMap<Long, Long> excepted = merged(except);
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

  /** The ranges merged where they overlap or touch: from each lowest id to its highest. */
  private static TreeMap<Long, Long> merged(Collection<IdRange> ranges) {
    TreeMap<Long, Long> sorted = new TreeMap<>();
    ranges.forEach(range -> sorted.merge(range.from(), range.to(), Math::max));
    TreeMap<Long, Long> merged = new TreeMap<>();
    for (Map.Entry<Long, Long> range : sorted.entrySet()) {
      Map.Entry<Long, Long> last = merged.lastEntry();
      if (last != null && last.getValue() >= range.getKey() - 1) {
        merged.put(last.getKey(), Math.max(last.getValue(), range.getValue()));
      } else {
        merged.put(range.getKey(), range.getValue());
      }
    }
    return merged;
  }

  /** Missing ids first noticed at or before {@code cutoffMillis}, lowest first, at most {@code max}. */
  List<GapPlugger.GapToPlug> noticedBefore(long cutoffMillis, int max) {
    List<GapPlugger.GapToPlug> old = new ArrayList<>();
    for (Gap gap : gaps.values()) {
      for (long id = gap.from(); gap.noticedAt() <= cutoffMillis && id <= gap.to(); id++) {
        if (old.size() == max) {
          return old;
        }
        old.add(new GapPlugger.GapToPlug(id, gap.fromSnapshot()));
      }
    }
    return old;
  }
}
