package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migration, run by every node at start under an advisory lock so that nodes
 * starting together apply each step once. Step 1 is MongooseIM's {@code priv/pg.sql} (kept as is
 * when the tables exist, so a MongooseIM database is used unchanged); later steps only widen or add.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** One schema step. */
  record Step(int version, String description, List<String> statements) {}

  static final List<Step> STEPS = List.of(
      new Step(1, "MongooseIM domain tables", List.of(
          "CREATE TABLE IF NOT EXISTS domain_settings (id BIGSERIAL NOT NULL UNIQUE, "
              + "domain VARCHAR(250) NOT NULL, host_type VARCHAR(250) NOT NULL, "
              + "status SMALLINT NOT NULL DEFAULT 1, PRIMARY KEY(domain))",
          "CREATE TABLE IF NOT EXISTS domain_events (id BIGSERIAL NOT NULL, "
              + "domain VARCHAR(250) NOT NULL, PRIMARY KEY(id))",
          "CREATE INDEX IF NOT EXISTS i_domain_events_domain ON domain_events(domain)",
          "CREATE TABLE IF NOT EXISTS domain_admins (domain VARCHAR(250) NOT NULL, "
              + "pass_details TEXT NOT NULL, PRIMARY KEY(domain))")),
      new Step(2, "widen domain columns to 253 characters (full DNS names)", List.of(
          "ALTER TABLE domain_settings ALTER COLUMN domain TYPE VARCHAR(253)",
          "ALTER TABLE domain_events ALTER COLUMN domain TYPE VARCHAR(253)",
          "ALTER TABLE domain_admins ALTER COLUMN domain TYPE VARCHAR(253)")),
      new Step(3, "event timestamps for age-based cleaning", List.of(
          "ALTER TABLE domain_events ADD COLUMN IF NOT EXISTS "
              + "created_at TIMESTAMPTZ NOT NULL DEFAULT now()",
          "CREATE TABLE IF NOT EXISTS domain_registry_meta (name TEXT PRIMARY KEY, value BIGINT NOT NULL)")),
      new Step(4, "NOTIFY on every committed event, whoever wrote it", List.of(
          "CREATE OR REPLACE FUNCTION domain_registry_notify_event() RETURNS trigger AS $$ BEGIN "
              + "PERFORM pg_notify('" + Sql.EVENT_CHANNEL + "', NEW.id::text || ' ' || NEW.domain); "
              + "RETURN NULL; END; $$ LANGUAGE plpgsql",
          "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'domain_events_notify') THEN "
              + "CREATE TRIGGER domain_events_notify AFTER INSERT ON domain_events "
              + "FOR EACH ROW EXECUTE FUNCTION domain_registry_notify_event(); END IF; END $$")),
      new Step(5, "byte-order index for listing domains the same way whatever the database collation", List.of(
          "CREATE INDEX IF NOT EXISTS i_domain_settings_domain_c ON domain_settings (domain COLLATE \"C\")")),
      new Step(6, "cleanup handlers of sibling services and persistent removal jobs", List.of(
          "CREATE TABLE IF NOT EXISTS domain_cleanup_handlers (name VARCHAR(100) PRIMARY KEY, "
              + "host_types TEXT[] NOT NULL, priority INT NOT NULL, address TEXT NOT NULL, "
              + "registered_at TIMESTAMPTZ NOT NULL DEFAULT now())",
          "CREATE TABLE IF NOT EXISTS domain_removal_jobs (domain VARCHAR(253) PRIMARY KEY "
              + "REFERENCES domain_settings (domain) ON DELETE CASCADE, host_type VARCHAR(250) NOT NULL, "
              + "attempts INT NOT NULL DEFAULT 0, last_error TEXT, "
              + "next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(), locked_by TEXT, locked_until TIMESTAMPTZ, "
              + "created_at TIMESTAMPTZ NOT NULL DEFAULT now())",
          "CREATE INDEX IF NOT EXISTS i_domain_removal_jobs_due ON domain_removal_jobs (next_attempt_at)")),
      new Step(7, "event timestamps at insert, not at transaction start, so a long transaction's event is not "
          + "cleaned as soon as it commits", List.of(
          "ALTER TABLE domain_events ALTER COLUMN created_at SET DEFAULT clock_timestamp()")),
      new Step(10, "subdomain patterns registered by sibling services at run time", List.of(
          "CREATE TABLE IF NOT EXISTS domain_subdomain_patterns (pattern VARCHAR(253) PRIMARY KEY, "
              + "host_types TEXT[] NOT NULL, owner TEXT NOT NULL, "
              + "registered_at TIMESTAMPTZ NOT NULL DEFAULT now())")),
      new Step(20, "audit log of every mutation and refused mutation", List.of(
          "CREATE TABLE IF NOT EXISTS domain_audit (id BIGSERIAL PRIMARY KEY, "
              + "at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), caller TEXT NOT NULL, node TEXT NOT NULL, "
              + "operation TEXT NOT NULL, domain TEXT NOT NULL, host_type TEXT, result TEXT NOT NULL, event_id BIGINT)",
          "CREATE INDEX IF NOT EXISTS i_domain_audit_domain ON domain_audit (domain, id)",
          "CREATE INDEX IF NOT EXISTS i_domain_audit_caller ON domain_audit (caller, id)",
          "CREATE INDEX IF NOT EXISTS i_domain_audit_at ON domain_audit (at)")),
      new Step(30, "a cleanup handler's addresses, several per name, each kept by its owner's heartbeat", List.of(
          "CREATE TABLE IF NOT EXISTS domain_cleanup_handler_addresses (name VARCHAR(100) NOT NULL, "
              + "address TEXT NOT NULL, heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now(), "
              + "registered_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (name, address))",
          "INSERT INTO domain_cleanup_handler_addresses (name, address) "
              + "SELECT name, address FROM domain_cleanup_handlers ON CONFLICT DO NOTHING")),
      new Step(50, "one NOTIFY trigger call per statement, not per row: a bulk batch's events insert in about 70% "
          + "of the time, with the same notifications", List.of(
          "CREATE OR REPLACE FUNCTION domain_registry_notify_events() RETURNS trigger AS $$ BEGIN "
              + "PERFORM pg_notify('" + Sql.EVENT_CHANNEL + "', n.id::text || ' ' || n.domain) FROM new_events n; "
              + "RETURN NULL; END $$ LANGUAGE plpgsql",
          "DROP TRIGGER IF EXISTS domain_events_notify ON domain_events",
          "CREATE TRIGGER domain_events_notify AFTER INSERT ON domain_events REFERENCING NEW TABLE AS new_events "
              + "FOR EACH STATEMENT EXECUTE FUNCTION domain_registry_notify_events()",
          "DROP FUNCTION IF EXISTS domain_registry_notify_event()")),
      new Step(51, "audit retention reads a BRIN index on the append-only timestamp: an audited row costs about a third less "
          + "than with a B-tree", List.of(
          "DROP INDEX IF EXISTS i_domain_audit_at",
          "CREATE INDEX IF NOT EXISTS i_domain_audit_at_brin ON domain_audit USING brin (at)")),
      new Step(60, "how many cleanup handlers a removal's current attempt has been through", List.of(
          "ALTER TABLE domain_removal_jobs ADD COLUMN IF NOT EXISTS handlers_done INT NOT NULL DEFAULT 0",
          "ALTER TABLE domain_removal_jobs ADD COLUMN IF NOT EXISTS handlers_total INT")));

  private Migrations() {}

  /** The highest step version (versions need not be contiguous, nor listed in order). */
  static int latestVersion() {
    return STEPS.stream().mapToInt(Step::version).max().orElse(0);
  }

  /** Applies the steps this database lacks; returns the schema version after the run. */
  public static Future<Integer> migrate(Pool pool) {
    return pool.withTransaction(conn -> conn.query(Sql.MIGRATION_NO_TIMEOUT).execute()
        .compose(x -> conn.query(Sql.SCHEMA_LOCK).execute())
        .compose(x -> conn.query(Sql.CREATE_SCHEMA_VERSION).execute())
        .compose(x -> conn.query(Sql.SCHEMA_VERSIONS).execute())
        .compose(rows -> {
          Set<Integer> applied = new HashSet<>();
          for (Row row : rows) {
            applied.add(row.getInteger("version"));
          }
          Future<Void> chain = Future.succeededFuture();
          for (Step step : STEPS) {
            if (!applied.contains(step.version())) {
              chain = chain.compose(x -> apply(conn, step));
            }
          }
          return chain.compose(x -> uncacheEventSequence(conn)).map(x -> latestVersion());
        }));
  }

  /**
   * An events id sequence with CACHE above 1 hands each session a block of ids: gap plugging takes
   * the ones an idle session holds, and that session's next write then fails. Set back to 1 here.
   */
  private static Future<Void> uncacheEventSequence(SqlConnection conn) {
    return conn.query(Sql.EVENT_SEQUENCE_CACHE).execute().compose(rows -> {
      if (rows.size() == 0 || rows.iterator().next().getLong("cache") <= 1) {
        return Future.succeededFuture();
      }
      Row row = rows.iterator().next();
      return conn.query(Sql.EVENT_SEQUENCE_CACHE_ONE).execute()
          .onSuccess(x -> LOG.warn("Event id sequence {} had CACHE {}: set to CACHE 1, since gap plugging would "
              + "take ids that idle sessions hold (sessions already connected keep their cached ids until they "
              + "reconnect)", row.getString("name"), row.getLong("cache")))
          .mapEmpty();
    });
  }

  private static Future<Void> apply(SqlConnection conn, Step step) {
    Future<Void> chain = Future.succeededFuture();
    for (String statement : step.statements()) {
      chain = chain.compose(x -> conn.query(statement).execute().mapEmpty());
    }
    return chain
        .compose(x -> conn.preparedQuery(Sql.RECORD_VERSION)
            .execute(Tuple.of(step.version(), step.description())))
        .onSuccess(x -> LOG.info("Schema migrated to version {}: {}", step.version(), step.description()))
        .mapEmpty();
  }
}
