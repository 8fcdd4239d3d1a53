package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.domainregistry.bus.Addresses;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.store.DomainStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the {@link EventPoller}: the first load, a poll on every {@code check_for_updates} nudge
 * and every poll interval (bursts coalesce into one poll), gap plugging and event cleaning.
 * Answers "has event N been applied here?" for read-your-writes.
 */
public final class EventPollVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(EventPollVerticle.class);
  private static final long MAX_BACKOFF_MS = 30_000;
  private final NodeConfig.Sync config;
  private final DomainStore store;
  private final SyncStatus status;
  private final EventPoller poller;
  private final Clock clock = Clock.systemUTC();
  private final List<Waiter> waiters = new ArrayList<>();
  private boolean polling;
  private Future<Void> currentPoll = Future.succeededFuture();
  private boolean pollAgain;
  private long pollsStarted;
  private int failures;
  private long nextAttemptAt;
  private boolean fillingGaps;

  private record Waiter(long eventId, long afterPoll, Promise<Long> promise) {}

  public EventPollVerticle(NodeConfig.Sync config, DomainRegistry registry, DomainStore store, SyncStatus status) {
    this.config = config;
    this.store = store;
    this.status = status;
    this.poller = new EventPoller(store, registry, status, config.pageSize(), clock);
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(config.pollIntervalMs(), id -> scheduledPoll());
    vertx.setPeriodic(config.eventCleaningIntervalS() * 1000, id -> cleanEvents());
    return Future.join(
            vertx.eventBus().<Long>localConsumer(Addresses.AWAIT_APPLIED, this::awaitApplied).completion(),
            vertx.eventBus().consumer(Addresses.CHECK_FOR_UPDATES, message -> requestPoll()).completion())
        .compose(x -> polling ? currentPoll : runPoll())
        .otherwiseEmpty();
  }

  private void scheduledPoll() {
    if (clock.millis() >= nextAttemptAt) {
      requestPoll();
    }
  }

  private void requestPoll() {
    if (polling) {
      pollAgain = true;
    } else {
      runPoll();
    }
  }

  private Future<Void> runPoll() {
    polling = true;
    long poll = ++pollsStarted;
    currentPoll = poller.poll().andThen(result -> {
      polling = false;
      if (result.succeeded()) {
        recovered();
        plugGaps();
      } else {
        failed(result.cause());
      }
      settleWaiters(poll, result.succeeded());
      if (pollAgain) {
        pollAgain = false;
        runPoll();
      }
    });
    return currentPoll;
  }

  /** Replies once the event {@code body} is applied here; body 0 asks only for a poll started after the request. */
  private void awaitApplied(Message<Long> request) {
    long eventId = request.body();
    if (eventId > 0 && poller.isApplied(eventId)) {
      request.reply(eventId);
      return;
    }
    Promise<Long> promise = Promise.promise();
    waiters.add(new Waiter(eventId, pollsStarted + 1, promise));
    long timer = vertx.setTimer(config.clusterWaitTimeoutMs(), id ->
        promise.tryFail(DomainError.TIMEOUT.exception("Event " + eventId + " not applied in time")));
    promise.future().onComplete(result -> {
      vertx.cancelTimer(timer);
      if (result.succeeded()) {
        request.reply(result.result());
      } else {
        DomainError error = ((DomainException) result.cause()).error();
        request.fail(error.failureCode(), result.cause().getMessage());
      }
    });
    requestPoll();
  }

  private void settleWaiters(long poll, boolean succeeded) {
    boolean unsettled = false;
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      if (waiter.promise().future().isComplete()) {
        it.remove();
      } else if (waiter.afterPoll() <= poll) {
        if (poller.isApplied(waiter.eventId())) {
          waiter.promise().complete(waiter.eventId());
          it.remove();
        } else if (!succeeded) {
          waiter.promise().fail(DomainError.DB_UNAVAILABLE.exception());
          it.remove();
        } else {
          unsettled = true;
        }
      }
    }
    if (unsettled) {
      pollAgain = true;
    }
  }

  private void recovered() {
    if (failures > 0) {
      LOG.info("Database reachable again after {} failed polls; registry in step up to event {}",
          failures, status.appliedEventId());
    }
    failures = 0;
    nextAttemptAt = 0;
  }

  private void failed(Throwable cause) {
    failures++;
    long backoff = Math.min(MAX_BACKOFF_MS, config.pollIntervalMs() << Math.min(failures - 1, 16));
    nextAttemptAt = clock.millis() + backoff;
    if (status.recordFailure(clock.instant())) {
      LOG.warn("Database unreachable, serving the last registry (stale since {}): {}",
          status.staleSince(), cause.getMessage());
    }
  }

  private void plugGaps() {
    if (fillingGaps) {
      return;
    }
    List<Long> gaps = poller.gapsNoticedBefore(clock.millis() - config.gapFillDelayMs());
    if (gaps.isEmpty()) {
      return;
    }
    fillingGaps = true;
    Future<Void> chain = Future.succeededFuture();
    for (long gap : gaps) {
      chain = chain.compose(x -> store.fillGap(gap).map(filled -> {
        if (filled) {
          LOG.info("Event id {} was never committed; plugged with a dummy event", gap);
        }
        return null;
      }));
    }
    chain.onComplete(x -> {
      fillingGaps = false;
      requestPoll();
    });
  }

  private void cleanEvents() {
    store.cleanEvents(Duration.ofSeconds(config.eventMaxAgeS()))
        .onSuccess(deleted -> {
          if (deleted > 0) {
            LOG.info("Cleaned {} events older than {} s", deleted, config.eventMaxAgeS());
          }
        })
        .onFailure(cause -> LOG.warn("Event cleaning failed: {}", cause.getMessage()));
  }
}
