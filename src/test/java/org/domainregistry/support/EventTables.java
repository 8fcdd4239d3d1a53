package org.domainregistry.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import org.domainregistry.store.PgDomainStore;

/** What tests do to the events table of a database as the event cleaner would. */
public final class EventTables {
  private EventTables() {}

  /** Runs the cleaner with age 0 on {@code db}: every event but the newest goes, the boundary moves up. */
  public static void cleanAllButTheNewest(Vertx vertx, String db) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(db)).using(vertx).build();
    PgDomainStore store = new PgDomainStore(pool);
    store.markSchemaReady();
    assertThat(Await.result(store.cleanEvents(Duration.ZERO, Long.MAX_VALUE))).isPositive();
    Await.result(pool.close());
  }
}
