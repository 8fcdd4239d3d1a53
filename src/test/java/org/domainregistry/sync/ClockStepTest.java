package org.domainregistry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.store.Migrations;
import org.domainregistry.store.PgDomainStore;
import org.domainregistry.support.Await;
import org.domainregistry.support.StoppableDatabase;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wall clock stepped back by an hour (NTP, a VM restored) must not stretch the poll backoff nor
 * the delay before plugging a gap: durations are timed by a monotonic clock, the time of day only
 * reported. The event poll runs alone here on a real database, its wall clock in the test's hand.
 */
class ClockStepTest {
  private static final long HOUR_MS = 3_600_000;
  private final SteppedClock wall = new SteppedClock();
  private final Vertx vertx = Vertx.vertx();
  private final SyncStatus status = new SyncStatus();
  private final DomainRegistry registry = new DomainRegistry(Map.of(), List.of("type1"));
  private Pool pool;

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  void aClockSteppedBackDuringAnOutageDoesNotStretchTheBackoff() {
    try (StoppableDatabase db = new StoppableDatabase()) {
      deployPoll(db.url(), 100, 100);
      db.stop();
      long errors = status.counters().dbErrors();
      Await.until("polls failing", Duration.ofSeconds(20), () -> status.counters().dbErrors() >= errors + 3);
      wall.step(-HOUR_MS);
      db.start();
      Await.until("ready again after the outage", Duration.ofSeconds(40), status::ready);
    }
  }

  @Test
  void aClockSteppedBackDoesNotDelayPluggingAGap() throws Exception {
    String db = TestDatabase.createDatabase();
    deployPoll(db, 100, 1000);
    TestDatabase.execute(db, "INSERT INTO domain_events (domain) VALUES ('a.example')");
    try (Connection aborted = TestDatabase.jdbc(db); Statement st = aborted.createStatement()) {
      aborted.setAutoCommit(false);
      st.executeUpdate("INSERT INTO domain_events (domain) VALUES ('aborted.example')");
      aborted.rollback();
    }
    TestDatabase.execute(db, "INSERT INTO domain_events (domain) VALUES ('c.example')");
    Await.until("the gap seen", Duration.ofSeconds(10), () -> status.maxSeenEventId() == 3);
    wall.step(-HOUR_MS);
    Await.until("the gap plugged", Duration.ofSeconds(20), () -> status.appliedEventId() == 3);
    assertThat(status.pendingGaps()).isZero();
  }

  private void deployPoll(String url, long pollIntervalMs, long gapFillDelayMs) {
    pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url)).using(vertx).build();
    Await.result(Migrations.migrate(pool));
    PgDomainStore store = new PgDomainStore(pool);
    store.markSchemaReady();
    NodeConfig.Sync config = new NodeConfig.Sync(pollIntervalMs, 100, 3600, 7200, gapFillDelayMs, 5000, 5000);
    Await.result(vertx.deployVerticle(new EventPollVerticle(config, registry, store, status, "n1", wall)));
    Await.until("loaded", Duration.ofSeconds(10), status::ready);
  }

  /** The real time of day, plus a step the test sets. */
  private static final class SteppedClock extends Clock {
    private final AtomicLong offsetMs = new AtomicLong();

    void step(long millis) {
      offsetMs.addAndGet(millis);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long millis() {
      return System.currentTimeMillis() + offsetMs.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }
  }
}
