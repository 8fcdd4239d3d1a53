package org.domainregistry.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
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

  @BeforeEach
  void openStore(Vertx vertx) {
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8))
        .connectingTo(PgConnectOptions.fromUri(TestDatabase.createDatabase())).using(vertx).build();
    Await.result(Migrations.migrate(pool));
    store = new PgDomainStore(pool);
    store.markSchemaReady();
  }

  @AfterEach
  void closePool() {
    Await.result(pool.close());
  }

  @Override
  public DomainStore store() {
    return store;
  }

  @Test
  void migratingTwiceAppliesEachStepOnce() {
    assertThat(Await.result(Migrations.migrate(pool))).isEqualTo(Migrations.STEPS.size());
  }
}
