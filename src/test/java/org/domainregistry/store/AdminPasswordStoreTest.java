package org.domainregistry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.Await.result;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code domain_admins} through the store: passwords only for existing enabled (or static) domains, gone with the domain. */
@ExtendWith(VertxExtension.class)
class AdminPasswordStoreTest {
  private Pool pool;
  private PgDomainStore store;

  @BeforeEach
  void openStore(Vertx vertx) {
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
        .connectingTo(PgConnectOptions.fromUri(TestDatabase.createDatabase())).using(vertx).build();
    result(Migrations.migrate(pool));
    store = new PgDomainStore(pool);
    store.markSchemaReady();
  }

  @AfterEach
  void closePool() {
    result(pool.close());
  }

  @Test
  void aPasswordIsStoredReplacedAndDeleted() {
    result(store.insert("a.com", "type1"));

    assertThat(result(store.findAdminPassword("a.com"))).isNull();
    assertThat(result(store.setAdminPassword("a.com", "details-1", false))).isTrue();
    assertThat(result(store.setAdminPassword("a.com", "details-2", false))).isTrue();
    assertThat(result(store.findAdminPassword("a.com"))).isEqualTo("details-2");
    assertThat(result(store.deleteAdminPassword("a.com"))).isTrue();
    assertThat(result(store.deleteAdminPassword("a.com"))).isFalse();
    assertThat(result(store.findAdminPassword("a.com"))).isNull();
  }

  @Test
  void onlyEnabledStoredDomainsOrStaticOnesGetAPassword() {
    result(store.insert("disabled.com", "type1"));
    result(store.setEnabled("disabled.com", false, type -> true));

    assertThat(result(store.setAdminPassword("absent.com", "details", false))).isFalse();
    assertThat(result(store.setAdminPassword("disabled.com", "details", false))).isFalse();
    assertThat(result(store.setAdminPassword("static.com", "details", true))).isTrue();
    assertThat(result(store.findAdminPassword("absent.com"))).isNull();
    assertThat(result(store.findAdminPassword("static.com"))).isEqualTo("details");
  }

  @Test
  void removingTheDomainRemovesItsPassword() {
    result(store.insert("a.com", "type1"));
    result(store.setAdminPassword("a.com", "details", false));
    PgGate gate = new PgGate(pool);
    gate.open();

    result(new PgRemovalStore(gate).start("a.com", "type1", "claimant", java.time.Duration.ofSeconds(30)));

    assertThat(result(store.findAdminPassword("a.com"))).isNull();
  }

  @Test
  void passwordsAreNotDomainChangesAndAppendNoEvent() {
    result(store.insert("a.com", "type1"));
    int events = result(store.eventsAfter(0, java.util.List.of(), 100)).size();

    result(store.setAdminPassword("a.com", "details", false));
    result(store.deleteAdminPassword("a.com"));

    assertThat(result(store.eventsAfter(0, java.util.List.of(), 100))).hasSize(events);
  }
}
