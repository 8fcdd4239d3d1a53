package org.domainregistry.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.domainregistry.registry.DomainRegistry;

/** What a node's registry holds, and what it should hold according to the database. */
public final class RegistryState {
  private RegistryState() {}

  /** Dynamic domain → host type in the registry, for the given host types. */
  public static Map<String, String> dynamic(DomainRegistry registry, Collection<String> hostTypes) {
    Map<String, String> state = new TreeMap<>();
    for (String hostType : hostTypes) {
      for (String domain : registry.domainsByHostType(hostType)) {
        if (!registry.isStatic(domain)) {
          state.put(domain, hostType);
        }
      }
    }
    return state;
  }

  /** Enabled domain → host type in the database, for the given host types, static names left out. */
  public static Map<String, String> expected(String dbUrl, Collection<String> hostTypes, Collection<String> statics) {
    Map<String, String> state = new TreeMap<>();
    try (Connection conn = TestDatabase.jdbc(dbUrl); Statement st = conn.createStatement();
         ResultSet rs = st.executeQuery("SELECT domain, host_type FROM domain_settings WHERE status = 1")) {
      while (rs.next()) {
        if (hostTypes.contains(rs.getString(2)) && !statics.contains(rs.getString(1))) {
          state.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return state;
  }
}
