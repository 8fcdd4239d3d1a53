package org.domainregistry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    assertThat(cursor.gaps()).containsExactly(2L);
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
    cursor.resetToSnapshot(10, 5, List.of(6L, 8L, 10L), 0);
    cursor.record(12, "d", 0);
    assertThat(cursor.gapsNoticedBefore(0)).containsExactly(new GapPlugger.GapToPlug(7, true),
        new GapPlugger.GapToPlug(9, true), new GapPlugger.GapToPlug(11, false));
  }

  @Test
  void aSnapshotMarksTheIdsItDidNotSeeAsGaps() {
    cursor.resetToSnapshot(10, 5, List.of(6L, 8L, 10L), 0);
    assertThat(cursor.gaps()).containsExactly(7L, 9L);
    assertThat(cursor.applied()).isEqualTo(6);
    assertThat(cursor.maxSeen()).isEqualTo(10);
  }

  @Test
  void anEmptySnapshotStartsAtZero() {
    cursor.resetToSnapshot(0, 0, List.of(), 0);
    assertThat(cursor.applied()).isZero();
    assertThat(cursor.isApplied(1)).isFalse();
  }

  @Test
  void aJumpTooFarToTrackIsRefusedSoTheReaderReloads() {
    cursor.record(1, "d", 0);
    assertThat(cursor.record(2 + EventCursor.MAX_TRACKED_JUMP, "d", 0)).isFalse();
    assertThat(cursor.maxSeen()).isEqualTo(1);
    assertThat(cursor.gaps()).isEmpty();
    assertThat(cursor.record(1 + EventCursor.MAX_TRACKED_JUMP, "d", 0)).isTrue();
    assertThat(cursor.gaps()).hasSize(EventCursor.MAX_TRACKED_JUMP - 1);
  }

  @Test
  void everythingUpToAnIdIsAppliedWhenTheOnlyGapsAreExcepted() {
    cursor.record(1, "d", 0);
    cursor.record(3, "d", 0);
    cursor.record(5, "d", 0);
    assertThat(cursor.hasAppliedAllUpTo(1, List.of())).isTrue();
    assertThat(cursor.hasAppliedAllUpTo(3, List.of())).isFalse();
    assertThat(cursor.hasAppliedAllUpTo(3, List.of(2L))).isTrue();
    assertThat(cursor.hasAppliedAllUpTo(5, List.of(2L))).isFalse();
    assertThat(cursor.hasAppliedAllUpTo(6, List.of(2L, 4L))).as("6 not seen yet").isFalse();
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
