package org.domainregistry.sync;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.LongSupplier;
import org.domainregistry.store.DomainStore;
import org.domainregistry.store.GapFill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs event ids that stay missing, one at a time, MongooseIM's way: inserting a dummy event with
 * that id waits for a transaction still holding it, then either fails (the real event is there)
 * or fills the hole for good. Never more than one run at once, so waiting ties up one connection.
 * A run that resolves nothing (ids not handed out yet, still held, or failing) makes the next runs
 * wait, from one second doubling up to 30 s, counted from the end of that run (a run may itself
 * wait seconds for a lock). After an id found held, the ids right after it are left for a later run
 * (one transaction, a bulk write, holds a run of ids); after one not issued yet, every higher one.
 * Used from the event poll verticle's context only.
 */
final class GapPlugger {
  private static final Logger LOG = LoggerFactory.getLogger(GapPlugger.class);
  private static final long FIRST_PAUSE_MS = 1000;
  private static final long MAX_PAUSE_MS = 30_000;
  private final DomainStore store;
  private final LongSupplier clockMillis;
  private boolean running;
  private long pauseMs;
  private long quietUntil;

  /** Plugs gaps in {@code store}, timing its pauses by {@code clockMillis} (a monotonic clock, not the time of day). */
  GapPlugger(DomainStore store, LongSupplier clockMillis) {
    this.store = store;
    this.clockMillis = clockMillis;
  }

  /**
   * Plugs these gaps unless a run is going on or runs are paused; {@code resolved} runs after a run
   * that resolved some gap, {@code reload} when a gap may be an event deleted before it was read.
   * Returns the run, or null when none started.
   */
  Future<Void> plug(List<GapToPlug> gaps, Runnable resolved, Runnable reload) {
    if (running || gaps.isEmpty() || clockMillis.getAsLong() < quietUntil) {
      return null;
    }
    running = true;
    boolean[] progress = {false};
    RunSkips skips = new RunSkips();
    Future<Void> chain = Future.succeededFuture();
    for (GapToPlug gap : gaps) {
      chain = chain.compose(x -> skips.skips(gap.id()) ? Future.succeededFuture()
          : store.fillGap(gap.id(), gap.fromSnapshot()).map(outcome -> {
            progress[0] |= report(gap.id(), outcome, reload);
            skips.saw(gap.id(), outcome);
            return (Void) null;
          }).otherwise(failure -> {
            LOG.warn("Plugging missing event id {} failed, will try again: {}", gap.id(), failure.getMessage());
            return null;
          }));
    }
    return chain.onComplete(result -> {
      running = false;
      if (progress[0]) {
        pauseMs = 0;
        quietUntil = 0;
        resolved.run();
      } else {
        pauseMs = pauseMs == 0 ? FIRST_PAUSE_MS : Math.min(MAX_PAUSE_MS, pauseMs * 2);
        quietUntil = clockMillis.getAsLong() + pauseMs;
      }
    });
  }

  private static boolean report(long gap, GapFill outcome, Runnable reload) {
    switch (outcome) {
      case PLUGGED -> LOG.info("Event id {} was never committed; plugged with a dummy event", gap);
      case BELOW_OLDEST -> {
        LOG.warn("Event id {} is missing below the oldest kept event (deleted by a cleaner?); full reload", gap);
        reload.run();
      }
      default -> {
      }
    }
    return outcome == GapFill.PLUGGED || outcome == GapFill.PRESENT || outcome == GapFill.BELOW_OLDEST;
  }

  /** The ids a run leaves for later: those right after a held one, and all above one not issued. */
  private static final class RunSkips {
    private long lastHeld = Long.MIN_VALUE;
    private long notIssued = Long.MAX_VALUE;

    boolean skips(long id) {
      if (id == lastHeld + 1) {
        lastHeld = id;
        return true;
      }
      return id > notIssued;
    }

    void saw(long id, GapFill outcome) {
      if (outcome == GapFill.HELD) {
        lastHeld = id;
      } else if (outcome == GapFill.NOT_ISSUED) {
        notIssued = id;
      }
    }
  }

  /** A missing id, and whether a full load's snapshot (rather than reading past it) found it missing. */
  record GapToPlug(long id, boolean fromSnapshot) {}
}
