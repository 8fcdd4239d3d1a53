package org.domainregistry.bench;

import java.util.Map;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;

/**
 * A benchmark database: migrated by a node started and stopped once, then filled by one
 * {@code generate_series} insert with {@code d1.example.com} … {@code dN.example.com}, enabled,
 * host types {@code type1} and {@code type2} alternating.
 */
final class BenchDatabase {
  private BenchDatabase() {}

  /** A new database holding {@code domains} enabled domains; its URL. */
  static String create(int domains) {
    String db = TestDatabase.createDatabase();
    Await.result(TestNodes.start(TestNodes.config(db, Map.of())).stop());
    TestDatabase.execute(db, "INSERT INTO domain_settings (domain, host_type) SELECT 'd' || g || '.example.com', "
        + "'type' || (1 + g % 2) FROM generate_series(1, " + domains + ") g", "VACUUM ANALYZE domain_settings");
    return db;
  }

  /** The name of domain {@code i} (1 … N). */
  static String name(int i) {
    return "d" + i + ".example.com";
  }

  /** The host type of domain {@code i}. */
  static String hostType(int i) {
    return "type" + (1 + i % 2);
  }
}
