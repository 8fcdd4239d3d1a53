package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.domainregistry.api.DomainJson;
import org.domainregistry.bus.Addresses;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.store.DomainStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the {@link EventPoller}: the first load, a poll on every {@code check_for_updates} nudge,
 * database notification and poll interval (bursts coalesce into one poll), backoff while the
 * database is down, gap plugging and event cleaning. Answers "has event N been applied here?".
 */
public final class EventPollVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(EventPollVerticle.class);
  private static final long MAX_BACKOFF_MS = 30_000;
  private final NodeConfig.Sync config;
  private final DomainStore store;
  private final DomainRegistry registry;
  private final SyncStatus status;
  private final String nodeId;
  private final EventPoller poller;
  private final GapPlugger gaps;
  private final AppliedWaiters waiters = new AppliedWaiters();
  private final Clock clock = Clock.systemUTC();
  private Future<Void> currentPoll = Future.succeededFuture();
  private boolean polling;
  private boolean pollAgain;
  private long pollsStarted;
  private int failures;
  private long nextAttemptAt;

  public EventPollVerticle(NodeConfig.Sync config, DomainRegistry registry, DomainStore store, SyncStatus status,
                           String nodeId) {
    this.config = config;
    this.store = store;
    this.registry = registry;
    this.status = status;
    this.nodeId = nodeId;
    this.poller = new EventPoller(store, registry, status, config.pageSize(), config.pollIntervalMs(), clock);
    this.gaps = new GapPlugger(store);
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(config.pollIntervalMs(), id -> scheduledPoll());
    vertx.setPeriodic(config.eventCleaningIntervalS() * 1000, id -> cleanEvents());
    var bus = vertx.eventBus();
    return Future.join(List.of(
            bus.<Long>localConsumer(Addresses.AWAIT_APPLIED, this::awaitApplied).completion(),
            bus.<Long>consumer(Addresses.nodeAwaitApplied(nodeId), this::awaitApplied).completion(),
            bus.consumer(Addresses.nodeSync(nodeId), this::syncStatus).completion(),
            bus.consumer(Addresses.CHECK_FOR_UPDATES, message -> requestPoll()).completion(),
            bus.<String>localConsumer(Addresses.DB_EVENT, this::announced).completion()))
        .compose(x -> polling ? currentPoll : runPoll())
        .otherwiseEmpty();
  }

  private void announced(Message<String> notification) {
    String payload = notification.body();
    int space = payload.indexOf(' ');
    if (space > 0) {
      poller.announced(Long.parseLong(payload.substring(0, space)), payload.substring(space + 1));
    }
    requestPoll();
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
    Instant staleSince = status.staleSince();
    currentPoll = poller.poll().andThen(result -> {
      polling = false;
      if (result.succeeded()) {
        recovered(staleSince);
        gaps.plug(poller.gapsNoticedBefore(clock.millis() - config.gapFillDelayMs()), this::requestPoll);
      } else {
        failed(result.cause());
      }
      if (waiters.settle(poll, result.succeeded(), poller::isApplied) || pollAgain) {
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
    Promise<Long> applied = waiters.add(eventId, pollsStarted + 1);
    long timer = vertx.setTimer(config.clusterWaitTimeoutMs(), id ->
        applied.tryFail(DomainError.TIMEOUT.exception("Event " + eventId + " not applied in time")));
    applied.future().onComplete(result -> {
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

  private void syncStatus(Message<Object> request) {
    request.reply(DomainJson.sync(status, nodeId, registry.dynamicSize()));
  }

  private void recovered(Instant staleSince) {
    if (staleSince != null && Duration.between(staleSince, clock.instant()).toSeconds() >= config.eventMaxAgeS()) {
      LOG.warn("Database was unreachable longer than events are kept ({} s): full reload", config.eventMaxAgeS());
      poller.reloadOnNextPoll();
      pollAgain = true;
    }
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
