package org.domainregistry.sync;

import io.vertx.core.Future;
import java.util.List;
import org.domainregistry.store.DomainStore;
import org.domainregistry.store.GapFill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs event ids that stay missing, one at a time, MongooseIM's way: inserting a dummy event with
 * that id waits for a transaction still holding it, then either fails (the real event is there)
 * or fills the hole for good. Never more than one run at once, so waiting ties up one connection.
 */
final class GapPlugger {
  private static final Logger LOG = LoggerFactory.getLogger(GapPlugger.class);
  private final DomainStore store;
  private boolean running;

  GapPlugger(DomainStore store) {
    this.store = store;
  }

  /**
   * Plugs these gaps unless a run is going on; {@code done} runs after a run ends, {@code reload}
   * when a gap may be an event deleted before it was read.
   */
  void plug(List<Long> gaps, Runnable done, Runnable reload) {
    if (running || gaps.isEmpty()) {
      return;
    }
    running = true;
    Future<Void> chain = Future.succeededFuture();
    for (long gap : gaps) {
      chain = chain.compose(x -> store.fillGap(gap).map(outcome -> {
        if (outcome == GapFill.PLUGGED) {
          LOG.info("Event id {} was never committed; plugged with a dummy event", gap);
        } else if (outcome == GapFill.BELOW_OLDEST) {
          LOG.warn("Event id {} is missing below the oldest kept event (deleted by a cleaner?); full reload", gap);
          reload.run();
        }
        return null;
      }));
    }
    chain.onComplete(result -> {
      if (result.failed()) {
        LOG.warn("Plugging missing event ids failed, will try again: {}", result.cause().getMessage());
      }
      running = false;
      done.run();
    });
  }
}
