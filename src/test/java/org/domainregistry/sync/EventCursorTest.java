package org.domainregistry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.domainregistry.store.IdRange;
import org.junit.jupiter.api.Test;

class EventCursorTest {
  private final EventCursor cursor = new EventCursor();

  @Test
  void contiguousIdsAdvanceTheAppliedId() {
    cursor.record(1, "d", 0);
    cursor.record(2, "d", 0);
    assertThat(cursor.applied()).isEqualTo(2);
    assertThat(cursor.gaps()).isEmpty();
  }

  @Test
  void anIdSeenOutOfOrderIsAGapUntilItShowsUp() {
    cursor.record(1, "d", 0);
    cursor.record(3, "d", 10);
    assertThat(cursor.applied()).isEqualTo(1);
    assertThat(cursor.maxSeen()).isEqualTo(3);
    assertThat(cursor.gaps()).containsExactly(new IdRange(2, 2));
    assertThat(cursor.isApplied(3)).isTrue();
    assertThat(cursor.isApplied(2)).isFalse();
    cursor.record(2, "d", 20);
    assertThat(cursor.applied()).isEqualTo(3);
    assertThat(cursor.isApplied(2)).isTrue();
  }

  @Test
  void gapsAreReportedOnceOldEnough() {
    cursor.record(1, "d", 0);
    cursor.record(3, "d", 100);
    cursor.record(5, "d", 200);
    assertThat(cursor.gapsNoticedBefore(99)).isEmpty();
    assertThat(cursor.gapsNoticedBefore(150)).containsExactly(new GapPlugger.GapToPlug(2, false));
    assertThat(cursor.gapsNoticedBefore(200)).extracting(GapPlugger.GapToPlug::id).containsExactly(2L, 4L);
  }

  @Test
  void gapsASnapshotFoundAreMarkedAsSuch() {
    cursor.resetToSnapshot(10, List.of(new IdRange(7, 7), new IdRange(9, 9)), 0);
    cursor.record(12, "d", 0);
    assertThat(cursor.gapsNoticedBefore(0)).containsExactly(new GapPlugger.GapToPlug(7, true),
        new GapPlugger.GapToPlug(9, true), new GapPlugger.GapToPlug(11, false));
  }

  @Test
  void aSnapshotMarksTheIdsItDidNotSeeAsGaps() {
    cursor.resetToSnapshot(10, List.of(new IdRange(7, 7), new IdRange(9, 9)), 0);
    assertThat(cursor.gaps()).containsExactly(new IdRange(7, 7), new IdRange(9, 9));
    assertThat(cursor.applied()).isEqualTo(6);
    assertThat(cursor.maxSeen()).isEqualTo(10);
  }

  @Test
  void anEmptySnapshotStartsAtZero() {
    cursor.resetToSnapshot(0, List.of(), 0);
    assertThat(cursor.applied()).isZero();
    assertThat(cursor.isApplied(1)).isFalse();
  }

  @Test
  void aJumpOfAnySizeIsOneRangeFilledIdById() {
    cursor.record(1, "d", 0);
    assertThat(cursor.record(50_002, "d", 0)).isTrue();
    assertThat(cursor.gaps()).containsExactly(new IdRange(2, 50_001));
    assertThat(cursor.missingCount()).isEqualTo(50_000);
    cursor.record(2, "d", 0);
    cursor.record(30_000, "d", 0);
    assertThat(cursor.gaps()).containsExactly(new IdRange(3, 29_999), new IdRange(30_001, 50_001));
    assertThat(cursor.missingCount()).isEqualTo(49_998);
    assertThat(cursor.applied()).isEqualTo(2);
    assertThat(cursor.isMissing(29_999)).isTrue();
    assertThat(cursor.isMissing(30_000)).isFalse();
    assertThat(cursor.gapsFound()).isEqualTo(50_000);
    assertThat(cursor.gapsFilled()).isEqualTo(2);
  }

  @Test
  void oneRangeMoreThanTrackedIsRefusedSoTheReaderReloads() {
    for (long id = 1; id <= 2L * IdRange.MAX_TRACKED + 1; id += 2) {
      assertThat(cursor.record(id, "d", 0)).isTrue();
    }
    assertThat(cursor.missingRanges()).isEqualTo(IdRange.MAX_TRACKED);
    long maxSeen = cursor.maxSeen();
    assertThat(cursor.record(maxSeen + 2, "d", 0)).as("one range more").isFalse();
    assertThat(cursor.maxSeen()).isEqualTo(maxSeen);
    assertThat(cursor.record(maxSeen + 1, "d", 0)).as("no new range").isTrue();
    assertThat(cursor.record(2, "d", 0)).as("a range closed").isTrue();
    assertThat(cursor.record(maxSeen + 3, "d", 0)).as("room again").isTrue();
  }

  @Test
  void aSnapshotWithMoreRangesThanTrackedStandsBelowTheFirstLeftOut() {
    List<IdRange> missing = new ArrayList<>();
    for (long id = 2; missing.size() <= IdRange.MAX_TRACKED; id += 2) {
      missing.add(new IdRange(id, id));
    }
    cursor.resetToSnapshot(1_000_000, missing, 0);
    IdRange firstLeftOut = missing.get(IdRange.MAX_TRACKED);
    assertThat(cursor.missingRanges()).isEqualTo(IdRange.MAX_TRACKED);
    assertThat(cursor.maxSeen()).as("what is above is read again").isEqualTo(firstLeftOut.from() - 1);
    assertThat(cursor.isApplied(firstLeftOut.from())).isFalse();
    assertThat(cursor.applied()).isEqualTo(1);
  }

  @Test
  void everythingUpToAnIdIsAppliedWhenTheOnlyGapsAreExcepted() {
    cursor.record(1, "d", 0);
    cursor.record(3, "d", 0);
    cursor.record(5, "d", 0);
    assertThat(cursor.hasAppliedAllUpTo(1, List.of())).isTrue();
    assertThat(cursor.hasAppliedAllUpTo(3, List.of())).isFalse();
    assertThat(cursor.hasAppliedAllUpTo(3, List.of(new IdRange(2, 2)))).isTrue();
    assertThat(cursor.hasAppliedAllUpTo(5, List.of(new IdRange(2, 2)))).isFalse();
    assertThat(cursor.hasAppliedAllUpTo(6, List.of(new IdRange(2, 2), new IdRange(4, 4)))).as("6 not seen yet").isFalse();
  }

  @Test
  void aMissingRangeIsExceptedByOverlappingRangesInAnyOrder() {
    cursor.record(1, "d", 0);
    cursor.record(100, "d", 0);
    assertThat(cursor.hasAppliedAllUpTo(100, List.of(new IdRange(50, 60), new IdRange(2, 55)))).isFalse();
    assertThat(cursor.hasAppliedAllUpTo(100, List.of(new IdRange(2, 80), new IdRange(3, 4), new IdRange(81, 99))))
        .isTrue();
    assertThat(cursor.hasAppliedAllUpTo(50, List.of(new IdRange(2, 50)))).as("only up to 50 asked").isTrue();
  }

  @Test
  void recentlyReadIdsAreRemembered() {
    cursor.record(1, "d", 0);
    cursor.record(7, "d", 0);
    assertThat(cursor.wasReadRecently(7, "d")).isTrue();
    assertThat(cursor.wasReadRecently(4, "d")).isFalse();
    assertThat(cursor.wasReadRecently(7, "other")).as("the id reused for another domain").isFalse();
  }
}
