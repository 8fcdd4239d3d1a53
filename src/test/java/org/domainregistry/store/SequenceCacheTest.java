package org.domainregistry.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An event id sequence with CACHE above 1 hands idle sessions ids they have not used yet; gap
 * plugging would take them and their later insert would fail. The migration puts it back to 1.
 */
class SequenceCacheTest {
  private final Vertx vertx = Vertx.vertx();
  private final String db = TestDatabase.createDatabase();
  private final Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(db)).using(vertx).build();

  @AfterEach
  void close() {
    Await.result(pool.close());
    Await.result(vertx.close());
  }

  @Test
  void aCachedEventSequenceIsSetBackToCacheOneAtStart() throws Exception {
    Await.result(Migrations.migrate(pool));
    TestDatabase.execute(db, "ALTER SEQUENCE domain_events_id_seq CACHE 10");
    assertThat(cacheSize()).isEqualTo(10);

    Await.result(Migrations.migrate(pool));

    assertThat(cacheSize()).isEqualTo(1);
  }

  private long cacheSize() throws Exception {
    try (Connection conn = TestDatabase.jdbc(db); Statement st = conn.createStatement();
         ResultSet rs = st.executeQuery("SELECT cache_size FROM pg_sequences WHERE sequencename = 'domain_events_id_seq'")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }
}
