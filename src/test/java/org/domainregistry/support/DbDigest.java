package org.domainregistry.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A digest of what PostgreSQL holds for the registry: every row of {@code domain_settings} and the
 * count and last id of {@code domain_events}. Equal digests before and after a refused request show
 * it changed nothing.
 */
public final class DbDigest {
  private static final String QUERY = "SELECT (SELECT coalesce(md5(string_agg(s::text, ',' ORDER BY s.domain)), '')"
      + " FROM domain_settings s) || '|' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM domain_events)";

  private DbDigest() {}

  /** The digest of the database behind {@code sql}. */
  public static String of(Connection sql) {
    try (Statement statement = sql.createStatement(); ResultSet row = statement.executeQuery(QUERY)) {
      row.next();
      return row.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the registry tables", e);
    }
  }
}
