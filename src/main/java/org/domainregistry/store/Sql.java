package org.domainregistry.store;

/**
 * Every SQL statement of the service, in one place; all run as prepared statements with tuples.
 * The schema's DDL is the exception: it lives with its versioned steps in {@link Migrations}.
 */
final class Sql {
  private Sql() {}

  /** The LISTEN/NOTIFY channel that announces every committed event as {@code "<id> <domain>"}. */
  static final String EVENT_CHANNEL = "domain_events";
  /** Subscribes the node's own LISTEN connection to {@link #EVENT_CHANNEL}. */
  static final String LISTEN = "LISTEN " + EVENT_CHANNEL;
  /** The liveness query of the LISTEN connection: a half-open connection never answers it. */
  static final String LIVENESS = "SELECT 1";

  /** The highest event id the cleaner has deleted, as a scalar subquery. */
  private static final String CLEANED_BELOW =
      "(SELECT COALESCE(MAX(value), 0) FROM domain_registry_meta WHERE name = 'events_cleaned_through')";

  static final String INSERT_DOMAIN =
      "INSERT INTO domain_settings (domain, host_type, status) VALUES ($1, $2, 1) "
          + "ON CONFLICT (domain) DO NOTHING";
  /**
   * {@link #INSERT_DOMAIN} and its event in one statement (one round trip, atomic): answers the
   * event id, or no row when the domain exists.
   */
  static final String INSERT_DOMAIN_WITH_EVENT =
      "WITH created AS (" + INSERT_DOMAIN + " RETURNING domain) "
          + "INSERT INTO domain_events (domain) SELECT domain FROM created RETURNING id";
  static final String SELECT_DOMAIN =
      "SELECT domain, host_type, status FROM domain_settings WHERE domain = $1";
  static final String SELECT_DOMAINS =
      "SELECT domain, host_type, status FROM domain_settings WHERE domain = ANY($1)";
  static final String SELECT_DOMAIN_FOR_UPDATE = SELECT_DOMAIN + " FOR UPDATE";
  static final String UPDATE_STATUS = "UPDATE domain_settings SET status = $2 WHERE domain = $1";
  static final String DELETE_DOMAIN = "DELETE FROM domain_settings WHERE domain = $1";
  static final String DELETE_ADMIN = "DELETE FROM domain_admins WHERE domain = $1";
  static final String SELECT_ADMIN = "SELECT pass_details FROM domain_admins WHERE domain = $1";
  /**
   * Upserts an admin password ($3: the domain is static). For a dynamic domain the enabled row is
   * locked FOR SHARE, so a concurrent removal either waits and then deletes this password too, or
   * commits first and leaves nothing to attach it to.
   */
  static final String UPSERT_ADMIN =
      "INSERT INTO domain_admins (domain, pass_details) SELECT $1::varchar, $2::text "
          + "WHERE $3::boolean OR EXISTS (SELECT 1 FROM domain_settings "
          + "WHERE domain = $1::varchar AND status = 1 FOR SHARE) "
          + "ON CONFLICT (domain) DO UPDATE SET pass_details = EXCLUDED.pass_details";
  static final String INSERT_EVENT = "INSERT INTO domain_events (domain) VALUES ($1) RETURNING id";

  static final String LIST_DOMAINS =
      "SELECT domain, host_type, status FROM domain_settings "
          + "WHERE domain COLLATE \"C\" > $1 AND domain COLLATE \"C\" >= $6 AND domain COLLATE \"C\" < $7 "
          + "AND ($2::text IS NULL OR host_type = $2) "
          + "AND ($3::smallint IS NULL OR status = $3) AND NOT (domain = ANY($4)) "
          + "ORDER BY domain COLLATE \"C\" LIMIT $5";

  static final String SNAPSHOT_TRANSACTION = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  /**
   * The ranges of ids missing among the events above $1 (up to the highest there is), lowest
   * first, at most $2: an index-only scan from $1 on, in the window's own order, so it stops at
   * the limit.
   */
  static final String MISSING_EVENT_IDS =
      "SELECT from_id, id - 1 AS to_id FROM (SELECT id, LAG(id, 1, $1) OVER (ORDER BY id) + 1 AS from_id "
          + "FROM domain_events WHERE id > $1) r WHERE from_id < id ORDER BY id LIMIT $2";
  /** Read through one cursor, in no particular order: a sequential scan, no index walk (README "Benchmarks"). */
  static final String ENABLED_DOMAINS =
      "SELECT domain, host_type, status FROM domain_settings WHERE status = 1";

  /**
   * Events after $1 and those in the missing ranges $2[i]..$3[i] (at or below $1), with each
   * domain's current state, by id, at most $4. Each index range is read apart, by its own range
   * scan of at most $4 rows ({@code id > $1 OR id = ANY(...)} makes PostgreSQL walk the index from
   * the first id, O(table) per poll), and the settings looked up per event ({@code LIMIT 1} keeps the
   * planner from hashing the whole settings table for a page). The ranges are as many as a reader
   * tracks at most ({@code IdRange.MAX_TRACKED}).
   */
  static final String EVENTS_AFTER =
      "SELECT e.id, e.domain, s.host_type, s.status FROM ("
          + "(SELECT id, domain FROM domain_events WHERE id > $1 ORDER BY id LIMIT $4) UNION ALL "
          + "(SELECT g.id, g.domain FROM unnest($2::bigint[], $3::bigint[]) AS r(lo, hi) CROSS JOIN LATERAL "
          + "(SELECT id, domain FROM domain_events WHERE id >= r.lo AND id <= LEAST(r.hi, $1) "
          + "ORDER BY id LIMIT $4) g) ORDER BY id LIMIT $4) e "
          + "LEFT JOIN LATERAL (SELECT host_type, status FROM domain_settings WHERE domain = e.domain LIMIT 1) s "
          + "ON true ORDER BY e.id";
  /** How long plugging a gap may wait for the transaction holding that id before trying later. */
  static final String GAP_LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s'";
  /** Waits for a transaction holding the id, then either finds the real event or takes the id. */
  static final String FILL_GAP =
      "INSERT INTO domain_events (id, domain) VALUES ($1, '') ON CONFLICT (id) DO NOTHING RETURNING id";
  static final String CLEAN_EVENTS =
      "WITH deleted AS (DELETE FROM domain_events "
          + "WHERE created_at < now() - make_interval(secs => $1) "
          + "AND id < (SELECT MAX(id) FROM domain_events) AND id <= $2 RETURNING id) "
          + "INSERT INTO domain_registry_meta (name, value) "
          + "SELECT 'events_cleaned_through', MAX(id) FROM deleted HAVING COUNT(*) > 0 "
          + "ON CONFLICT (name) DO UPDATE SET value = GREATEST(domain_registry_meta.value, EXCLUDED.value) "
          + "RETURNING (SELECT COUNT(*) FROM deleted) AS deleted";
  /**
   * Where the events table stands: the oldest and newest kept id, the last id the sequence handed
   * out (an id above it is not issued yet) and the highest id the cleaner deleted. A cleaned mark
   * above both the newest id and the sequence means ids went back (TRUNCATE ... RESTART IDENTITY, a
   * restore): it counts as 0, and {@code stale_cleaned} gives it so that it can be reset.
   */
  static final String EVENT_BOUNDS =
      "SELECT min_id, max_id, last_issued, CASE WHEN mark > GREATEST(max_id, last_issued) THEN 0 ELSE mark END "
          + "AS cleaned_through, CASE WHEN mark > GREATEST(max_id, last_issued) THEN mark ELSE 0 END AS stale_cleaned "
          + "FROM (SELECT COALESCE(MIN(id), 0) AS min_id, COALESCE(MAX(id), 0) AS max_id, COALESCE(pg_sequence_last_value("
          + "pg_get_serial_sequence('domain_events', 'id')::regclass), MAX(id), 0) AS last_issued, "
          + CLEANED_BELOW + " AS mark FROM domain_events) b";
  /** Resets a cleaned mark left above the ids after they went back ($1: the stale mark). */
  static final String RESET_STALE_CLEANED =
      "UPDATE domain_registry_meta SET value = 0 WHERE name = 'events_cleaned_through' AND value = $1";

  /** The events id sequence and its CACHE (more than 1 lets idle sessions hold ids that gap plugging would take). */
  static final String EVENT_SEQUENCE_CACHE =
      "SELECT s.seqrelid::regclass::text AS name, s.seqcache AS cache FROM pg_sequence s "
          + "WHERE s.seqrelid = pg_get_serial_sequence('domain_events', 'id')::regclass";
  static final String EVENT_SEQUENCE_CACHE_ONE =
      "DO $$ BEGIN EXECUTE format('ALTER SEQUENCE %s CACHE 1', "
          + "pg_get_serial_sequence('domain_events', 'id')::regclass); END $$";

  static final String SCHEMA_LOCK = "SELECT pg_advisory_xact_lock(7250001)";
  /** Migrations may wait for another node's and build indexes on large tables: no statement timeout. */
  static final String MIGRATION_NO_TIMEOUT = "SET LOCAL statement_timeout = 0";
  static final String CREATE_SCHEMA_VERSION =
      "CREATE TABLE IF NOT EXISTS domain_registry_schema ("
          + "version INT PRIMARY KEY, description TEXT NOT NULL, "
          + "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())";
  static final String SCHEMA_VERSIONS = "SELECT version FROM domain_registry_schema";
  static final String RECORD_VERSION =
      "INSERT INTO domain_registry_schema (version, description) VALUES ($1, $2)";

  /** Columns of a removal job; {@code running} while its lease holds. */
  static final String JOB_COLUMNS = "domain, host_type, attempts, last_error, next_attempt_at, locked_by, "
      + "handlers_done, handlers_total, "
      + "COALESCE(locked_until > now(), false) AS running";
  static final String LEASE_EXPIRED = "(j.locked_until IS NULL OR j.locked_until <= now())";
  /** Taking over a lease that expired (its holder vanished mid-run) counts as a failed attempt. */
  static final String COUNT_INTERRUPTED_RUN =
      "attempts = j.attempts + CASE WHEN j.locked_by IS NULL THEN 0 ELSE 1 END, "
          + "last_error = CASE WHEN j.locked_by IS NULL THEN j.last_error "
          + "ELSE 'Interrupted: ' || j.locked_by || ' stopped renewing its lease' END";
  static final String CLAIM_NEW_JOB =
      "INSERT INTO domain_removal_jobs AS j (domain, host_type, locked_by, locked_until) "
          + "VALUES ($1, $2, $3, now() + make_interval(secs => $4::float8)) "
          + "ON CONFLICT (domain) DO UPDATE SET locked_by = EXCLUDED.locked_by, "
          + "locked_until = EXCLUDED.locked_until, next_attempt_at = now(), " + COUNT_INTERRUPTED_RUN
          + " WHERE " + LEASE_EXPIRED + " RETURNING " + JOB_COLUMNS;
  static final String QUEUE_JOB =
      "INSERT INTO domain_removal_jobs AS j (domain, host_type) VALUES ($1, $2) "
          + "ON CONFLICT (domain) DO UPDATE SET next_attempt_at = now() RETURNING " + JOB_COLUMNS;
  static final String SELECT_JOB = "SELECT " + JOB_COLUMNS + " FROM domain_removal_jobs WHERE domain = $1";
  static final String LIST_JOBS = "SELECT " + JOB_COLUMNS + " FROM domain_removal_jobs ORDER BY domain COLLATE \"C\" LIMIT $1";
  /** Leases the most overdue job of a deleting domain that no live lease holds. */
  static final String CLAIM_DUE_JOB =
      "UPDATE domain_removal_jobs j SET locked_by = $1, locked_until = now() + make_interval(secs => $2::float8), "
          + COUNT_INTERRUPTED_RUN + " WHERE domain = (SELECT j.domain FROM domain_removal_jobs j "
          + "JOIN domain_settings s ON s.domain = j.domain AND s.status = 2 "
          + "WHERE j.next_attempt_at <= now() AND " + LEASE_EXPIRED
          + " ORDER BY j.next_attempt_at LIMIT 1 FOR UPDATE OF j SKIP LOCKED) RETURNING " + JOB_COLUMNS;
  static final String RENEW_LEASE =
      "UPDATE domain_removal_jobs SET locked_until = now() + make_interval(secs => $3::float8) "
          + "WHERE domain = $1 AND locked_by = $2";
  /** Gives up every lease of one node's claimants ({@code <node id>/<n>}) at once, for its shutdown. */
  static final String RELEASE_NODE_LEASES =
      "UPDATE domain_removal_jobs SET locked_by = NULL, locked_until = NULL, next_attempt_at = now() "
          + "WHERE starts_with(locked_by, $1 || '/')";
  /** Releases the lease and schedules the next attempt {@code min($5, $4 * 2^attempts)} seconds from now. */
  static final String RECORD_JOB_FAILURE =
      "UPDATE domain_removal_jobs SET attempts = attempts + 1, last_error = $3, locked_by = NULL, "
          + "locked_until = NULL, next_attempt_at = now() + make_interval(secs => "
          + "LEAST($5::float8, $4::float8 * power(2, LEAST(attempts, 30)))) "
          + "WHERE domain = $1 AND locked_by = $2 RETURNING " + JOB_COLUMNS;
  static final String RECORD_JOB_PROGRESS =
      "UPDATE domain_removal_jobs SET handlers_done = $3, handlers_total = $4 WHERE domain = $1 AND locked_by = $2";
  static final String DELETE_OWNED_JOB = "DELETE FROM domain_removal_jobs WHERE domain = $1 AND locked_by = $2";

  /**
   * Registers handler $1 (host types $2, priority $3, definition shared by all its addresses) at
   * address $4, or renews that address's heartbeat. {@code address} of the name row is the last
   * address registered, kept for nodes of earlier versions.
   */
  static final String UPSERT_HANDLER =
      "WITH h AS (INSERT INTO domain_cleanup_handlers (name, host_types, priority, address) VALUES ($1, $2, $3, $4) "
          + "ON CONFLICT (name) DO UPDATE SET host_types = EXCLUDED.host_types, priority = EXCLUDED.priority, "
          + "address = EXCLUDED.address RETURNING name) "
          + "INSERT INTO domain_cleanup_handler_addresses (name, address) SELECT name, $4 FROM h "
          + "ON CONFLICT (name, address) DO UPDATE SET heartbeat_at = now() RETURNING (xmax = 0) AS added";
  static final String DELETE_HANDLER = "DELETE FROM domain_cleanup_handler_addresses WHERE name = $1";
  static final String DELETE_HANDLER_AT =
      "DELETE FROM domain_cleanup_handler_addresses WHERE name = $1 AND address = $2";
  /** Ends the registrations whose last heartbeat is more than $1 seconds old. */
  static final String EXPIRE_HANDLERS =
      "DELETE FROM domain_cleanup_handler_addresses WHERE heartbeat_at < now() - make_interval(secs => $1::float8) "
          + "RETURNING name, address";
  /**
   * Handlers of one host type ($1), or all when $1 is null, one row per address: in the order
   * they run, a name's addresses latest heartbeat first.
   */
  static final String SELECT_HANDLERS =
      "SELECT h.name, h.host_types, h.priority, a.address FROM domain_cleanup_handlers h "
          + "JOIN domain_cleanup_handler_addresses a ON a.name = h.name "
          + "WHERE $1::text IS NULL OR $1::text = ANY(h.host_types) "
          + "ORDER BY h.priority, h.name COLLATE \"C\", a.heartbeat_at DESC, a.address COLLATE \"C\"";

  /** A keyset page of the audit log: id above $1, of domain $2 and caller $3 when given. */
  static final String AUDIT_PAGE =
      "SELECT id, at, caller, node, operation, domain, host_type, result, event_id FROM domain_audit "
          + "WHERE id > $1 AND ($2::text IS NULL OR domain = $2) AND ($3::text IS NULL OR caller = $3) "
          + "ORDER BY id LIMIT $4";
  static final String CLEAN_AUDIT = "DELETE FROM domain_audit WHERE at < now() - make_interval(secs => $1)";

  /** {@link #INSERT_DOMAIN} of many pairs ($1 domains, $2 host types); answers the domains it created. */
  static final String INSERT_DOMAINS =
      "INSERT INTO domain_settings (domain, host_type, status) SELECT d, h, 1 FROM unnest($1::text[], $2::text[]) "
          + "AS t(d, h) ON CONFLICT (domain) DO NOTHING RETURNING domain";
  /** {@link #INSERT_EVENT} of many domains. */
  static final String INSERT_EVENTS =
      "INSERT INTO domain_events (domain) SELECT unnest($1::text[]) RETURNING id, domain";
  /** A page of every domain, any status, by id. */
  static final String ALL_PAGE =
      "SELECT id, domain, host_type, status FROM domain_settings WHERE id > $1 ORDER BY id LIMIT $2";
  /** Audit rows, one array per column. */
  static final String INSERT_AUDITS =
      "INSERT INTO domain_audit (caller, node, operation, domain, host_type, result, event_id) "
          + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[])";
  static final String UPSERT_PATTERN =
      "INSERT INTO domain_subdomain_patterns (pattern, host_types, owner) VALUES ($1, $2, $3) "
          + "ON CONFLICT (pattern) DO UPDATE SET host_types = EXCLUDED.host_types, owner = EXCLUDED.owner, "
          + "registered_at = now()";
  static final String DELETE_PATTERN = "DELETE FROM domain_subdomain_patterns WHERE pattern = $1";
  static final String SELECT_PATTERNS =
      "SELECT pattern, host_types, owner FROM domain_subdomain_patterns ORDER BY pattern COLLATE \"C\"";
}
