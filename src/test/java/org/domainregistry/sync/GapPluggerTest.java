package org.domainregistry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.domainregistry.store.DomainStore;
import org.domainregistry.store.Migrations;
import org.domainregistry.store.PgDomainStore;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gap plugging on real PostgreSQL, with an id held by an open transaction: a plug waits seconds for
 * the lock, and the pause after a run that resolved nothing counts from the end of that run, so a
 * long lock wait is still followed by the backoff it exists for.
 */
class GapPluggerTest {
  private final AtomicLong skippedMillis = new AtomicLong();
  private Vertx vertx;
  private Pool pool;
  private String db;
  private final AtomicInteger fillAttempts = new AtomicInteger();
  private GapPlugger plugger;

  @BeforeEach
  void openStore() {
    vertx = Vertx.vertx();
    db = TestDatabase.createDatabase();
    pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(db)).using(vertx).build();
    Await.result(Migrations.migrate(pool));
    PgDomainStore store = new PgDomainStore(pool);
    store.markSchemaReady();
    plugger = new GapPlugger(countingFills(store), () -> System.nanoTime() / 1_000_000 + skippedMillis.get());
  }

  @AfterEach
  void close() {
    Await.result(pool.close());
    Await.result(vertx.close());
  }

  @Test
  void thePauseAfterAFruitlessRunCountsFromItsEnd() throws Exception {
    AtomicInteger resolved = new AtomicInteger();
    try (Connection held = TestDatabase.jdbc(db); Statement st = held.createStatement()) {
      held.setAutoCommit(false);
      long heldId;
      try (ResultSet rs = st.executeQuery("INSERT INTO domain_events (domain) VALUES ('held.example') RETURNING id")) {
        rs.next();
        heldId = rs.getLong(1);
      }
      List<GapPlugger.GapToPlug> gaps = List.of(new GapPlugger.GapToPlug(heldId, false));

      Future<Void> waitedForTheLock = plugger.plug(gaps, resolved::incrementAndGet, () -> { });
      assertThat(waitedForTheLock).as("first run").isNotNull();
      Await.result(waitedForTheLock);
      assertThat(resolved).as("the id is still held").hasValue(0);

      assertThat(plugger.plug(gaps, resolved::incrementAndGet, () -> { }))
          .as("a run right after a fruitless run of several seconds").isNull();

      held.commit();
      skippedMillis.addAndGet(1_000);
      Future<Void> afterThePause = plugger.plug(gaps, resolved::incrementAndGet, () -> { });
      assertThat(afterThePause).as("a run once the first pause is over").isNotNull();
      Await.result(afterThePause);
      assertThat(resolved).as("the committed event is found").hasValue(1);
    }
  }

  @Test
  void aRunWaitsForTheFirstIdOfAHeldRunOnlyAndGoesOnPastIt() throws Exception {
    AtomicInteger resolved = new AtomicInteger();
    TestDatabase.execute(db, "INSERT INTO domain_events (domain) VALUES ('before.example')");
    try (Connection held = TestDatabase.jdbc(db); Statement st = held.createStatement()) {
      held.setAutoCommit(false);
      List<GapPlugger.GapToPlug> gaps = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(
          "INSERT INTO domain_events (domain) SELECT 'bulk' || g FROM generate_series(1, 3) g RETURNING id")) {
        while (rs.next()) {
          gaps.add(new GapPlugger.GapToPlug(rs.getLong(1), false));
        }
      }
      long abandoned;
      try (Connection other = TestDatabase.jdbc(db); Statement next = other.createStatement();
           ResultSet rs = next.executeQuery("SELECT nextval(pg_get_serial_sequence('domain_events', 'id')) "
               + "FROM generate_series(1, 2) OFFSET 1")) {
        rs.next();
        abandoned = rs.getLong(1);
      }
      try (Connection other = TestDatabase.jdbc(db); Statement later = other.createStatement()) {
        later.executeUpdate("INSERT INTO domain_events (domain) VALUES ('after.example')");
      }
      gaps.add(new GapPlugger.GapToPlug(abandoned, false));

      Await.result(plugger.plug(gaps, resolved::incrementAndGet, () -> { }));
      assertThat(fillAttempts).as("the first held id, then the abandoned one, not next to it").hasValue(2);
      assertThat(resolved).as("the abandoned id plugged").hasValue(1);
      held.rollback();
    }
  }

  /** The store, with its {@code fillGap} calls counted. */
  private DomainStore countingFills(DomainStore store) {
    return (DomainStore) Proxy.newProxyInstance(DomainStore.class.getClassLoader(), new Class<?>[] {DomainStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("fillGap")) {
            fillAttempts.incrementAndGet();
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
