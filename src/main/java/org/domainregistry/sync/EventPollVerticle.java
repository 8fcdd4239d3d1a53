package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.store.DomainStore;
import org.domainregistry.store.IdRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the {@link EventPoller}: the first load, a poll on every {@code check_for_updates} nudge,
 * database notification and poll interval (bursts coalesce into one poll), backoff while the
 * database is down, and gap plugging. Answers "has event N been applied here?".
 */
public final class EventPollVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(EventPollVerticle.class);
  private final NodeConfig.Sync config;
  private final SyncStatus status;
  private final String nodeId;
  private final EventPoller poller;
  private final GapPlugger gaps;
  private final AppliedWaiters waiters = new AppliedWaiters();
  private final PollBackoff backoff;
  /** Durations (backoff, pauses, gap ages, outage length) are timed by this, never by the time of day. */
  private static final LongSupplier MONOTONIC_MILLIS = () -> System.nanoTime() / 1_000_000;
  private final Clock clock;
  private Future<Void> currentPoll = Future.succeededFuture();
  private boolean polling;
  private boolean pollAgain;
  private boolean waiterRetryPending;
  private long pollsStarted;
  private long outageStartedMillis;

  /** The event poll of node {@code nodeId}, keeping {@code registry} in step with {@code store}. */
  public EventPollVerticle(NodeConfig.Sync config, DomainRegistry registry, DomainStore store, SyncStatus status,
                           String nodeId) {
    this(config, registry, store, status, nodeId, Clock.systemUTC());
  }

  /** The same, telling the time of day (reported, never used to time anything) by {@code clock}. */
  EventPollVerticle(NodeConfig.Sync config, DomainRegistry registry, DomainStore store, SyncStatus status,
                    String nodeId, Clock clock) {
    this.clock = clock;
    this.config = config;
    this.status = status;
    this.nodeId = nodeId;
    this.poller = new EventPoller(store, registry, status, config.pageSize(), config.pollIntervalMs(), clock,
        MONOTONIC_MILLIS);
    this.gaps = new GapPlugger(store, MONOTONIC_MILLIS);
    this.backoff = new PollBackoff(config.pollIntervalMs());
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(config.pollIntervalMs(), id -> requestPoll());
    var bus = vertx.eventBus();
    return Future.join(List.of(
            bus.<Long>localConsumer(SyncAddresses.AWAIT_APPLIED, this::awaitApplied).completion(),
            bus.<JsonObject>consumer(SyncAddresses.nodeAwaitApplied(nodeId), this::awaitAppliedByNode).completion(),
            bus.consumer(SyncAddresses.CHECK_FOR_UPDATES, this::nudged).completion(),
            bus.<String>localConsumer(SyncAddresses.DB_EVENT, this::announced).completion()))
        .compose(x -> polling ? currentPoll : runPoll())
        .otherwiseEmpty();
  }

  /**
   * A nudge names the event its writer made (any other body: look anyway). Every write wakes every
   * node twice, by its nudge and its NOTIFY: the second finds the event applied and polls no more.
   */
  private void nudged(Message<Object> nudge) {
    status.counters().recordNudge();
    if (!(nudge.body() instanceof Long eventId && eventId > 0 && poller.isApplied(eventId))) {
      requestPoll();
    }
  }

  private void announced(Message<String> notification) {
    String payload = notification.body();
    int space = payload.indexOf(' ');
    boolean pollNeeded = true;
    if (space > 0) {
      try {
        pollNeeded = poller.announced(Long.parseLong(payload.substring(0, space)), payload.substring(space + 1));
      } catch (NumberFormatException e) {
        LOG.warn("Ignoring a malformed event notification: {}", payload);
      }
    }
    if (pollNeeded) {
      requestPoll();
    }
  }

  private void requestPoll() {
    if (!backoff.allows(MONOTONIC_MILLIS.getAsLong())) {
      return;
    }
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
        gaps.plug(poller.gapsNoticedBefore(MONOTONIC_MILLIS.getAsLong() - config.gapFillDelayMs()), this::requestPoll,
            poller::reloadOnNextPoll);
      } else {
        failed(result.cause());
      }
      boolean unsettled = waiters.settle(poll, result.succeeded());
      if (pollAgain && result.succeeded()) {
        pollAgain = false;
        runPoll();
      } else if (unsettled && result.succeeded()) {
        retryForWaitersSoon();
      }
    });
    return currentPoll;
  }

  /** Waiters still unsatisfied (their event not visible yet): poll again shortly, not at once. */
  private void retryForWaitersSoon() {
    if (!waiterRetryPending) {
      waiterRetryPending = true;
      vertx.setTimer(Math.max(10, Math.min(config.gapFillDelayMs(), config.pollIntervalMs())), id -> {
        waiterRetryPending = false;
        requestPoll();
      });
    }
  }

  /** Replies once the event {@code body} is applied here; body 0 asks only for a poll started after the request. */
  private void awaitApplied(Message<Long> request) {
    long eventId = request.body();
    if (eventId > 0) {
      await(request, () -> poller.isApplied(eventId), 0, config.clusterWaitTimeoutMs());
    } else {
      await(request, () -> true, pollsStarted + 1, config.clusterWaitTimeoutMs());
    }
  }

  /**
   * Replies once this node has applied every event up to {@code up_to} but for the ids in
   * {@code except} (those the asking node is still missing too), within the asker's timeout.
   */
  private void awaitAppliedByNode(Message<JsonObject> request) {
    long upTo = request.body().getLong("up_to", 0L);
    List<IdRange> except = ClusterSync.exceptOf(request.body());
    long timeout = Math.min(NodeConfig.Sync.MAX_CLUSTER_WAIT_MS,
        request.body().getLong("timeout_ms", config.clusterWaitTimeoutMs()));
    await(request, () -> poller.hasAppliedAllUpTo(upTo, except), 0, timeout);
  }

  /**
   * Replies once {@code applied} holds after a poll numbered {@code afterPoll} or later (0: any
   * poll, or at once), or fails after the timeout.
   */
  private void await(Message<?> request, BooleanSupplier applied, long afterPoll, long timeoutMs) {
    if (afterPoll == 0 && applied.getAsBoolean()) {
      request.reply(status.appliedEventId());
      return;
    }
    Promise<Void> done = waiters.add(applied, afterPoll);
    long timer = vertx.setTimer(timeoutMs, id -> done.tryFail(DomainError.TIMEOUT.exception("Not applied in time")));
    done.future().onComplete(result -> {
      vertx.cancelTimer(timer);
      if (result.succeeded()) {
        request.reply(status.appliedEventId());
      } else {
        DomainException failure = DomainException.of(result.cause());
        request.fail(failure.error().failureCode(), failure.getMessage());
      }
    });
    backoff.skip();
    requestPoll();
  }

  private void recovered(Instant staleSince) {
    if (staleSince != null
        && MONOTONIC_MILLIS.getAsLong() - outageStartedMillis >= config.eventMaxAgeS() * 1000) {
      LOG.warn("Database was unreachable longer than events are kept ({} s): full reload", config.eventMaxAgeS());
      poller.reloadOnNextPoll();
      pollAgain = true;
    }
    int failures = backoff.succeeded();
    if (failures > 0) {
      LOG.info("Database reachable again after {} failed polls; registry in step up to event {}",
          failures, status.appliedEventId());
    }
  }

  private void failed(Throwable cause) {
    backoff.failed(MONOTONIC_MILLIS.getAsLong());
    if (status.recordFailure(clock.instant())) {
      outageStartedMillis = MONOTONIC_MILLIS.getAsLong();
      LOG.warn("Database unreachable, serving the last registry (stale since {}): {}",
          status.staleSince(), cause.getMessage());
    }
  }
}
