package org.domainregistry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.Await.failure;
import static org.domainregistry.support.Await.result;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainStatus;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DomainStore} must do (README "REST admin API", "The events table and the
 * cursor"), and the removal stores along with it (README "Domain removal and sibling services");
 * run against each implementation. Deleting domains is the removal store's, tested there.
 */
public interface DomainStoreContract extends RemovalStoreContract {

  @Override
  DomainStore store();

  private static DomainError errorOf(Future<?> future) {
    Throwable failure = failure(future);
    assertThat(failure).isInstanceOf(DomainException.class);
    return ((DomainException) failure).error();
  }

  private List<DomainEvent> allEvents() {
    return result(store().eventsAfter(0, List.of(), 10_000));
  }

  @Test
  default void insertCreatesAnEnabledDomainAndOneEvent() {
    WriteResult write = result(store().insert("a.com", "type1"));
    assertThat(write.changed()).isTrue();
    assertThat(result(store().find("a.com"))).isEqualTo(new StoredDomain("a.com", "type1", DomainStatus.ENABLED));
    assertThat(allEvents()).extracting(DomainEvent::id, DomainEvent::domain).containsExactly(
        org.assertj.core.groups.Tuple.tuple(write.eventId(), "a.com"));
  }

  @Test
  default void insertingTheSamePairAgainChangesNothing() {
    result(store().insert("a.com", "type1"));
    assertThat(result(store().insert("a.com", "type1"))).isEqualTo(WriteResult.UNCHANGED);
    assertThat(allEvents()).hasSize(1);
  }

  @Test
  default void insertingWithAnotherHostTypeIsADuplicate() {
    result(store().insert("a.com", "type1"));
    assertThat(errorOf(store().insert("a.com", "type2"))).isEqualTo(DomainError.DUPLICATE);
    assertThat(result(store().find("a.com")).hostType()).isEqualTo("type1");
    assertThat(allEvents()).hasSize(1);
  }

  @Test
  default void insertingADisabledPairLeavesItDisabled() {
    result(store().insert("a.com", "type1"));
    result(store().setEnabled("a.com", false, type -> true));
    assertThat(result(store().insert("a.com", "type1"))).isEqualTo(WriteResult.UNCHANGED);
    assertThat(result(store().find("a.com")).status()).isEqualTo(DomainStatus.DISABLED);
  }

  @Test
  default void enableAndDisableFollowTheRules() {
    assertThat(errorOf(store().setEnabled("absent.com", true, type -> true))).isEqualTo(DomainError.NOT_FOUND);
    result(store().insert("a.com", "type1"));
    assertThat(result(store().setEnabled("a.com", true, type -> true))).isEqualTo(WriteResult.UNCHANGED);
    assertThat(errorOf(store().setEnabled("a.com", false, type -> false))).isEqualTo(DomainError.UNKNOWN_HOST_TYPE);
    assertThat(result(store().setEnabled("a.com", false, type -> true)).changed()).isTrue();
    assertThat(result(store().find("a.com")).status()).isEqualTo(DomainStatus.DISABLED);
    assertThat(result(store().setEnabled("a.com", false, type -> true))).isEqualTo(WriteResult.UNCHANGED);
    assertThat(result(store().setEnabled("a.com", true, type -> true)).changed()).isTrue();
    assertThat(allEvents()).hasSize(3);
  }

  @Test
  default void concurrentInsertsOfOnePairCreateExactlyOneRow() {
    List<Future<WriteResult>> writes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      writes.add(store().insert("race.com", "type1"));
    }
    result(Future.all(writes));
    assertThat(writes.stream().filter(w -> w.result().changed()).count()).isEqualTo(1);
    assertThat(allEvents()).hasSize(1);
  }

  @Test
  default void concurrentInsertsWithDifferentHostTypesLetOneWin() {
    List<Future<WriteResult>> writes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      writes.add(store().insert("race.com", "type" + (i % 2)));
    }
    result(Future.join(writes).otherwiseEmpty());
    String winner = result(store().find("race.com")).hostType();
    for (Future<WriteResult> write : writes) {
      if (write.failed()) {
        assertThat(((DomainException) write.cause()).error()).isEqualTo(DomainError.DUPLICATE);
      }
    }
    assertThat(writes.stream().filter(Future::succeeded).count()).isEqualTo(10);
    assertThat(winner).isIn("type0", "type1");
    assertThat(allEvents()).hasSize(1);
  }

  @Test
  default void fullLoadStreamsEnabledDomainsPageByPage() {
    for (int i = 0; i < 25; i++) {
      result(store().insert("d" + i + ".com", "type1"));
    }
    result(store().setEnabled("d3.com", false, type -> true));
    List<Integer> pageSizes = new ArrayList<>();
    List<String> loaded = new ArrayList<>();
    Snapshot snapshot = result(store().loadEnabled(10, page -> {
      pageSizes.add(page.size());
      page.forEach(d -> loaded.add(d.domain()));
    }));
    assertThat(pageSizes).containsExactly(10, 10, 4);
    assertThat(loaded).hasSize(24).doesNotContain("d3.com");
    assertThat(snapshot.maxEventId()).isEqualTo(26);
    assertThat(snapshot.missing()).isEmpty();
    assertThat(snapshot.domainsLoaded()).isEqualTo(24);
  }

  @Test
  default void listPagesByNameWithFilters() {
    for (String name : List.of("c.com", "a.com", "b.com", "d.com")) {
      result(store().insert(name, name.equals("d.com") ? "type2" : "type1"));
    }
    result(store().setEnabled("b.com", false, type -> true));
    DomainQuery firstTwo = new DomainQuery(Optional.empty(), Optional.empty(), Optional.empty(), 2);
    assertThat(result(store().list(firstTwo, Set.of()))).extracting(StoredDomain::domain)
        .containsExactly("a.com", "b.com");
    DomainQuery afterB = new DomainQuery(Optional.of("type1"), Optional.empty(), Optional.of("b.com"), 10);
    assertThat(result(store().list(afterB, Set.of()))).extracting(StoredDomain::domain).containsExactly("c.com");
    DomainQuery disabled = new DomainQuery(Optional.empty(), Optional.of(DomainStatus.DISABLED), Optional.empty(), 10);
    assertThat(result(store().list(disabled, Set.of()))).extracting(StoredDomain::domain).containsExactly("b.com");
    DomainQuery all = new DomainQuery(Optional.empty(), Optional.empty(), Optional.empty(), 10);
    assertThat(result(store().list(all, Set.of("a.com")))).extracting(StoredDomain::domain)
        .containsExactly("b.com", "c.com", "d.com");
  }

  @Test
  default void listByPrefixReadsOnlyNamesStartingWithIt() {
    for (String name : List.of("shop.a.com", "shop.b.com", "shopping.com", "shoq.com", "sho.com", "x.com")) {
      result(store().insert(name, "type1"));
    }
    DomainQuery shop = new DomainQuery(Optional.empty(), Optional.empty(), Optional.empty(), 10, Optional.of("shop"));
    assertThat(result(store().list(shop, Set.of()))).extracting(StoredDomain::domain)
        .containsExactly("shop.a.com", "shop.b.com", "shopping.com");
    DomainQuery secondPage = new DomainQuery(Optional.empty(), Optional.empty(), Optional.of("shop.a.com"), 1,
        Optional.of("shop."));
    assertThat(result(store().list(secondPage, Set.of()))).extracting(StoredDomain::domain)
        .containsExactly("shop.b.com");
    DomainQuery none = new DomainQuery(Optional.empty(), Optional.empty(), Optional.empty(), 10, Optional.of("shz"));
    assertThat(result(store().list(none, Set.of()))).isEmpty();
  }

  @Test
  default void fillGapPlugsOnlyMissingIds() {
    long id = result(store().insert("a.com", "type1")).eventId();
    assertThat(result(store().fillGap(id, false))).as("the real event is there").isEqualTo(GapFill.PRESENT);
    assertThat(result(store().fillGap(id + 5, false))).as("an id never handed out is never used up")
        .isEqualTo(GapFill.NOT_ISSUED);
    assertThat(allEvents()).hasSize(1);
  }

  @Test
  default void cleaningKeepsTheNewestEventAndRecordsHowFarItWent() {
    for (int i = 0; i < 5; i++) {
      result(store().insert("d" + i + ".com", "type1"));
    }
    assertThat(result(store().cleanEvents(Duration.ofHours(1), Long.MAX_VALUE))).isZero();
    assertThat(result(store().cleanEvents(Duration.ZERO, 2))).as("none above the cleaner's applied id").isEqualTo(2);
    assertThat(result(store().cleanEvents(Duration.ZERO, Long.MAX_VALUE))).isEqualTo(2);
    EventBounds bounds = result(store().eventBounds());
    assertThat(bounds.minId()).isEqualTo(5);
    assertThat(bounds.maxId()).isEqualTo(5);
    assertThat(bounds.cleanedThrough()).isEqualTo(4);
    assertThat(result(store().fillGap(3, true))).as("a cleaned id is never plugged").isEqualTo(GapFill.BELOW_OLDEST);
    assertThat(result(store().eventBounds()).minId()).isEqualTo(5);
  }
}
