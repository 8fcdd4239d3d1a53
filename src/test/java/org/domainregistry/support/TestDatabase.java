package org.domainregistry.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: the server named by {@code -Dregistry.test.db.url} or
 * {@code REGISTRY_TEST_DB_URL} (a {@code postgresql://user:pass@host:port/db} URL whose user may
 * create databases), else one embedded server per test JVM, with fsync off unless
 * {@code -Dregistry.test.db.fsync=on}. Each caller gets a fresh database.
 */
public final class TestDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  /** {@code on} gives the embedded server fsync (benchmarks, README "Benchmarks"); tests run without. */
  private static final String FSYNC = "registry.test.db.fsync";
  private static EmbeddedPostgres shared;

  private TestDatabase() {}

  /** Creates an empty database and returns its URL. */
  public static String createDatabase() {
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    String admin = adminUrl();
    try (Connection conn = jdbc(admin); Statement st = conn.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database on " + admin, e);
    }
    URI uri = URI.create(admin);
    return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + name;
  }

  /** A JDBC connection (auto-commit) to a database given by its {@code postgresql://} URL. */
  public static Connection jdbc(String url) throws SQLException {
    URI uri = URI.create(url);
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = parts[0];
      password = parts.length > 1 ? parts[1] : "";
    }
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath(), user, password);
  }

  /** Runs SQL statements on the database, auto-committed. */
  public static void execute(String url, String... statements) {
    try (Connection conn = jdbc(url); Statement st = conn.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized String adminUrl() {
    String external = System.getProperty("registry.test.db.url", System.getenv("REGISTRY_TEST_DB_URL"));
    if (external != null && !external.isBlank()) {
      return external;
    }
    if (shared == null) {
      try {
        shared = EmbeddedPostgres.builder().setServerConfig("fsync", System.getProperty(FSYNC, "off"))
            .setServerConfig("max_connections", "300").start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return "postgresql://postgres@127.0.0.1:" + shared.getPort() + "/postgres";
  }
}
