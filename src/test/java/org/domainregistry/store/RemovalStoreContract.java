package org.domainregistry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.Await.failure;
import static org.domainregistry.support.Await.result;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.store.RemovalStart.Outcome;
import org.domainregistry.support.Await;
import org.junit.jupiter.api.Test;

/** What every {@link RemovalStore} and {@link CleanupHandlerStore} must do (README "Domain removal and sibling services"). */
public interface RemovalStoreContract {
  Duration LEASE = Duration.ofSeconds(30);
  Duration BASE = Duration.ofSeconds(10);
  Duration MAX = Duration.ofSeconds(25);

  DomainStore store();

  RemovalStore removals();

  CleanupHandlerStore cleanupHandlers();

  private static DomainError errorOf(Future<?> future) {
    Throwable failure = failure(future);
    assertThat(failure).isInstanceOf(DomainException.class);
    return ((DomainException) failure).error();
  }

  private int eventCount() {
    return result(store().eventsAfter(0, List.of(), 10_000)).size();
  }

  private RemovalJob job(String domain) {
    return result(removals().find(domain)).orElseThrow();
  }

  @Test
  default void startingTheRemovalOfAnAbsentDomainChangesNothing() {
    assertThat(result(removals().start("absent.com", "type1", "c1", LEASE))).isEqualTo(RemovalStart.ABSENT);
    assertThat(result(removals().start("absent.com", "type1", null, LEASE)).outcome()).isEqualTo(Outcome.ABSENT);
    assertThat(result(removals().find("absent.com"))).isEmpty();
    assertThat(eventCount()).isZero();
  }

  @Test
  default void startingWithTheWrongHostTypeFailsAndChangesNothing() {
    result(store().insert("a.com", "type1"));
    assertThat(errorOf(removals().start("a.com", "type2", "c1", LEASE))).isEqualTo(DomainError.WRONG_HOST_TYPE);
    assertThat(result(store().find("a.com")).status()).isEqualTo(DomainStatus.ENABLED);
    assertThat(result(removals().find("a.com"))).isEmpty();
    assertThat(eventCount()).isEqualTo(1);
  }

  @Test
  default void startMarksTheDomainDeletingWithOneEventAndLeasesItsJob() {
    result(store().insert("a.com", "type1"));
    RemovalStart start = result(removals().start("a.com", "type1", "c1", LEASE));
    assertThat(start.outcome()).isEqualTo(Outcome.CLAIMED);
    assertThat(start.mark().changed()).isTrue();
    assertThat(start.job()).extracting(RemovalJob::domain, RemovalJob::hostType, RemovalJob::attempts,
        RemovalJob::lastError, RemovalJob::lockedBy, RemovalJob::running)
        .containsExactly("a.com", "type1", 0, null, "c1", true);
    assertThat(result(store().find("a.com")).status()).isEqualTo(DomainStatus.DELETING);
    assertThat(eventCount()).isEqualTo(2);
    assertThat(errorOf(store().insert("a.com", "type1"))).isEqualTo(DomainError.DUPLICATE);
    assertThat(errorOf(store().setEnabled("a.com", true, type -> true))).isEqualTo(DomainError.DELETED);
  }

  @Test
  default void startingAgainAddsNoEventAndFindsTheJobBusyWhileLeased() {
    result(store().insert("a.com", "type1"));
    result(removals().start("a.com", "type1", "c1", LEASE));
    RemovalStart again = result(removals().start("a.com", "type1", "c2", LEASE));
    assertThat(again.outcome()).isEqualTo(Outcome.BUSY);
    assertThat(again.mark()).isEqualTo(WriteResult.UNCHANGED);
    assertThat(again.job().lockedBy()).isEqualTo("c1");
    RemovalStart queued = result(removals().start("a.com", "type1", null, LEASE));
    assertThat(queued.outcome()).isEqualTo(Outcome.QUEUED);
    assertThat(queued.job().lockedBy()).as("queueing leaves the lease alone").isEqualTo("c1");
    assertThat(eventCount()).isEqualTo(2);
  }

  @Test
  default void finishDeletesTheDomainAndItsJobWithAnEventButOnlyForTheHolder() {
    result(store().insert("a.com", "type1"));
    result(removals().start("a.com", "type1", "c1", LEASE));
    assertThat(result(removals().finish("a.com", "c2"))).isEmpty();
    assertThat(result(store().find("a.com"))).isNotNull();

    WriteResult done = result(removals().finish("a.com", "c1")).orElseThrow();
    assertThat(done.changed()).isTrue();
    assertThat(result(store().find("a.com"))).isNull();
    assertThat(result(removals().find("a.com"))).isEmpty();
    assertThat(eventCount()).isEqualTo(3);
    assertThat(result(removals().finish("a.com", "c1"))).isEmpty();
  }

  @Test
  default void aFailureReleasesTheLeaseAndBacksOffExponentiallyUpToTheMaximum() {
    result(store().insert("a.com", "type1"));
    result(removals().start("a.com", "type1", "c1", LEASE));
    assertThat(result(removals().recordFailure("a.com", "c2", "x", BASE, MAX))).isEmpty();

    assertBackoff(result(removals().recordFailure("a.com", "c1", "first", BASE, MAX)), 1, "first", BASE);
    result(removals().start("a.com", "type1", "c1", LEASE));
    assertBackoff(result(removals().recordFailure("a.com", "c1", "second", BASE, MAX)), 2, "second",
        BASE.multipliedBy(2));
    result(removals().start("a.com", "type1", "c1", LEASE));
    assertBackoff(result(removals().recordFailure("a.com", "c1", "third", BASE, MAX)), 3, "third", MAX);
    assertThat(result(store().find("a.com")).status()).isEqualTo(DomainStatus.DELETING);
  }

  private static void assertBackoff(Optional<RemovalJob> recorded, int attempts, String error, Duration delay) {
    RemovalJob job = recorded.orElseThrow();
    assertThat(job.attempts()).isEqualTo(attempts);
    assertThat(job.lastError()).isEqualTo(error);
    assertThat(job.running()).isFalse();
    Instant expected = Instant.now().plus(delay);
    assertThat(job.nextAttemptAt()).isBetween(expected.minusSeconds(2), expected.plusSeconds(2));
  }

  @Test
  default void workersClaimOnlyDueJobsThatNoLiveLeaseHolds() {
    result(store().insert("held.com", "type1"));
    result(store().insert("later.com", "type1"));
    result(store().insert("queued.com", "type1"));
    result(removals().start("held.com", "type1", "c1", LEASE));
    result(removals().start("later.com", "type1", "c1", LEASE));
    result(removals().recordFailure("later.com", "c1", "boom", Duration.ofHours(1), Duration.ofHours(1)));
    result(removals().start("queued.com", "type1", null, LEASE));

    RemovalJob claimed = result(removals().claimDue("w1", LEASE)).orElseThrow();
    assertThat(claimed.domain()).isEqualTo("queued.com");
    assertThat(claimed.lockedBy()).isEqualTo("w1");
    assertThat(claimed.running()).isTrue();
    assertThat(result(removals().claimDue("w2", LEASE))).isEmpty();
  }

  @Test
  default void anExpiredLeaseLetsAnotherClaimantTakeTheJob() {
    result(store().insert("a.com", "type1"));
    result(removals().start("a.com", "type1", "dead", Duration.ofMillis(300)));
    assertThat(result(removals().claimDue("w1", LEASE))).isEmpty();
    Await.until("the lease to expire", Duration.ofSeconds(10),
        () -> result(removals().claimDue("w1", LEASE)).isPresent());
    RemovalJob taken = job("a.com");
    assertThat(taken.lockedBy()).isEqualTo("w1");
    assertThat(taken.attempts()).as("the interrupted run counts as an attempt").isEqualTo(1);
    assertThat(taken.lastError()).isEqualTo("Interrupted: dead stopped renewing its lease");
    assertThat(result(removals().renew("a.com", "dead", LEASE))).isFalse();
    assertThat(result(removals().renew("a.com", "w1", LEASE))).isTrue();
    assertThat(result(removals().finish("a.com", "dead"))).isEmpty();
  }

  @Test
  default void aCallerTakingOverAnExpiredLeaseCountsTheInterruptedRun() {
    result(store().insert("a.com", "type1"));
    result(removals().start("a.com", "type1", "dead", Duration.ofMillis(300)));
    Await.until("the lease to expire", Duration.ofSeconds(10),
        () -> result(removals().start("a.com", "type1", "c2", LEASE)).outcome() == Outcome.CLAIMED);
    assertThat(job("a.com")).extracting(RemovalJob::lockedBy, RemovalJob::attempts, RemovalJob::lastError)
        .containsExactly("c2", 1, "Interrupted: dead stopped renewing its lease");
  }

  @Test
  default void concurrentClaimsLeaseEachJobOnce() {
    for (int i = 0; i < 5; i++) {
      result(store().insert("d" + i + ".com", "type1"));
      result(removals().start("d" + i + ".com", "type1", null, LEASE));
    }
    List<Future<Optional<RemovalJob>>> claims = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      claims.add(removals().claimDue("w" + i, LEASE));
    }
    result(Future.all(claims));
    Set<String> claimed = new HashSet<>();
    claims.forEach(claim -> claim.result().ifPresent(job -> assertThat(claimed.add(job.domain())).isTrue()));
    assertThat(claimed).containsExactlyInAnyOrder("d0.com", "d1.com", "d2.com", "d3.com", "d4.com");
  }

  @Test
  default void cleanupHandlersAreListedInPriorityThenNameOrderAndReplacedByName() {
    result(cleanupHandlers().register(new CleanupHandler("mam", List.of("type1"), 20, "mam.cleanup")));
    result(cleanupHandlers().register(new CleanupHandler("auth", List.of("type1", "type2"), 10, "auth.cleanup")));
    result(cleanupHandlers().register(new CleanupHandler("inbox", List.of("type2"), 20, "inbox.cleanup")));
    result(cleanupHandlers().register(new CleanupHandler("b-last", List.of("type1"), 20, "b.cleanup")));

    assertThat(result(cleanupHandlers().handlers(Optional.of("type1")))).extracting(CleanupHandler::name)
        .containsExactly("auth", "b-last", "mam");
    assertThat(result(cleanupHandlers().handlers(Optional.empty()))).extracting(CleanupHandler::name)
        .containsExactly("auth", "b-last", "inbox", "mam");
    result(cleanupHandlers().register(new CleanupHandler("mam", List.of("type2"), 1, "mam.v2")));
    assertThat(result(cleanupHandlers().handlers(Optional.of("type2")))).containsExactly(
        new CleanupHandler("mam", List.of("type2"), 1, "mam.v2"),
        new CleanupHandler("mam", List.of("type2"), 1, "mam.cleanup"),
        new CleanupHandler("auth", List.of("type1", "type2"), 10, "auth.cleanup"),
        new CleanupHandler("inbox", List.of("type2"), 20, "inbox.cleanup"));
    assertThat(result(cleanupHandlers().handlers(Optional.of("type3")))).isEmpty();
  }

  @Test
  default void cleanupHandlersAreUnregisteredByNameOrOnlyAtTheirAddress() {
    result(cleanupHandlers().register(new CleanupHandler("mam", List.of("type1"), 0, "mam.v1")));
    assertThat(result(cleanupHandlers().unregister("mam", "mam.v0"))).isFalse();
    assertThat(result(cleanupHandlers().unregister("mam", "mam.v1"))).isTrue();
    result(cleanupHandlers().register(new CleanupHandler("mam", List.of("type1"), 0, "mam.v2")));
    assertThat(result(cleanupHandlers().unregister("mam"))).isTrue();
    assertThat(result(cleanupHandlers().unregister("mam"))).isFalse();
    assertThat(result(cleanupHandlers().handlers(Optional.empty()))).isEmpty();
  }
}
