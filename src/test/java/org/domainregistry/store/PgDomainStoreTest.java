package org.domainregistry.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PgDomainStoreTest implements DomainStoreContract {
  private Pool pool;
  private PgDomainStore store;
  private PgGate removalGate;

  @BeforeEach
  void openStore(Vertx vertx) {
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8))
        .connectingTo(PgConnectOptions.fromUri(TestDatabase.createDatabase())).using(vertx).build();
    Await.result(Migrations.migrate(pool));
    store = new PgDomainStore(pool);
    store.markSchemaReady();
    removalGate = new PgGate(pool);
    removalGate.open();
  }

  @AfterEach
  void closePool() {
    Await.result(pool.close());
  }

  @Override
  public DomainStore store() {
    return store;
  }

  @Override
  public RemovalStore removals() {
    return new PgRemovalStore(removalGate);
  }

  @Override
  public CleanupHandlerStore cleanupHandlers() {
    return new PgCleanupHandlerStore(removalGate);
  }

  @Test
  void startingARemovalDeletesTheAdminPassword() {
    Await.result(store.insert("admin.com", "type1"));
    Await.result(pool.query("INSERT INTO domain_admins (domain, pass_details) VALUES ('admin.com', 'x')").execute());
    Await.result(removals().start("admin.com", "type1", null, RemovalStoreContract.LEASE));
    assertThat(Await.result(pool.query("SELECT * FROM domain_admins").execute()).size()).isZero();
  }

  @Test
  void aJobGoesWithItsDomainWhenAnOutsideWriterDeletesTheRow() {
    Await.result(store.insert("outside.com", "type1"));
    Await.result(removals().start("outside.com", "type1", null, RemovalStoreContract.LEASE));
    Await.result(pool.query("DELETE FROM domain_settings WHERE domain = 'outside.com'").execute());
    assertThat(Await.result(removals().find("outside.com"))).isEmpty();
  }

  @Test
  void anIdHandedOutButNeverCommittedIsPlugged() {
    long first = Await.result(store.insert("a.com", "type1")).eventId();
    long abandoned = Await.result(pool.query("SELECT nextval(pg_get_serial_sequence('domain_events', 'id')) AS id")
        .execute()).iterator().next().getLong("id");
    assertThat(abandoned).isEqualTo(first + 1);
    assertThat(Await.result(store.fillGap(abandoned, false))).isEqualTo(GapFill.PLUGGED);
    List<DomainEvent> events = Await.result(store.eventsAfter(0, List.of(), 10));
    assertThat(events).hasSize(2);
    assertThat(events.get(1).isDummy()).isTrue();
  }

  @Test
  void aFreeIdBelowTheOldestKeptEventIsReportedNotPlugged() {
    long abandoned = Await.result(pool.query("SELECT nextval(pg_get_serial_sequence('domain_events', 'id')) AS id")
        .execute()).iterator().next().getLong("id");
    Await.result(store.insert("a.com", "type1"));
    assertThat(Await.result(store.fillGap(abandoned, false))).isEqualTo(GapFill.BELOW_OLDEST);
    assertThat(Await.result(store.eventBounds()).minId()).as("probe rolled back").isEqualTo(abandoned + 1);
    assertThat(Await.result(store.fillGap(abandoned, true))).as("a snapshot's gap is plugged").isEqualTo(GapFill.PLUGGED);
    assertThat(Await.result(store.eventBounds()).minId()).isEqualTo(abandoned);
  }

  @Test
  void aRowWithAStatusThisServiceDoesNotKnowIsTakenAsDisabled() {
    Await.result(store.insert("odd.com", "type1"));
    Await.result(pool.query("UPDATE domain_settings SET status = 7 WHERE domain = 'odd.com'").execute());
    assertThat(Await.result(store.find("odd.com")).status()).isEqualTo(DomainStatus.DISABLED);
    assertThat(Await.result(store.eventsAfter(0, List.of(), 10)).get(0).current().status())
        .isEqualTo(DomainStatus.DISABLED);
  }

  @Test
  void migratingTwiceAppliesEachStepOnce() {
    assertThat(Await.result(Migrations.migrate(pool))).isEqualTo(Migrations.latestVersion());
  }

  @Test
  void aSnapshotReportsTheRangesMissingInItsWindowNeverStartingAboveTheOneAsked() {
    for (int i = 0; i < 5; i++) {
      Await.result(store.insert("d" + i + ".com", "type1"));
    }
    Await.result(pool.query("INSERT INTO domain_events (id, domain) VALUES (20000, 'x.com'), (20003, 'y.com')").execute());
    assertThat(Await.result(store.loadEnabled(10, page -> { })).missing()).as("the last 10 000 ids")
        .containsExactly(new IdRange(10_004, 19_999), new IdRange(20_001, 20_002));
    Snapshot fromTwo = Await.result(store.loadEnabled(10, 2, page -> { }));
    assertThat(fromTwo.windowStart()).isEqualTo(2);
    assertThat(fromTwo.missing()).containsExactly(new IdRange(6, 19_999), new IdRange(20_001, 20_002));
  }

  @Test
  void eventsAfterAnIdAlsoReadTheMissingRangesAtOrBelowIt() {
    for (int i = 0; i < 6; i++) {
      Await.result(store.insert("d" + i + ".com", "type1"));
    }
    List<IdRange> missing = List.of(new IdRange(2, 2), new IdRange(3, 10));
    assertThat(Await.result(store.eventsAfter(4, missing, 10))).extracting(DomainEvent::id)
        .containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(Await.result(store.eventsAfter(4, missing, 2))).extracting(DomainEvent::id).containsExactly(2L, 3L);
  }
}
