package org.domainregistry.removal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;

/** Checks shared by the removal tests: what the database and the nodes hold. */
final class RemovalChecks {
  private RemovalChecks() {}

  /** The error a future fails with; it must be a {@link DomainException}. */
  static DomainException refusal(Future<?> future) {
    Throwable failure = Await.failure(future);
    assertThat(failure).isInstanceOf(DomainException.class);
    return (DomainException) failure;
  }

  static DomainError errorOf(Future<?> future) {
    return refusal(future).error();
  }

  /** The status of the domain's row, or -1 when it has none. */
  static int status(String db, String domain) {
    return (int) single(db,
        "SELECT COALESCE((SELECT status FROM domain_settings WHERE domain = '" + domain + "'), -1)");
  }

  /** How many removal jobs the domain has (0 or 1). */
  static long jobs(String db, String domain) {
    return single(db, "SELECT COUNT(*) FROM domain_removal_jobs WHERE domain = '" + domain + "'");
  }

  /** The domain is gone: no row, no job, in no node's registry. */
  static void assertGone(String db, String domain, List<Node> nodes) {
    assertThat(status(db, domain)).as("row of %s", domain).isEqualTo(-1);
    assertThat(jobs(db, domain)).as("job of %s", domain).isZero();
    for (Node node : nodes) {
      assertThat(node.registry().hostTypeOf(domain)).as("%s on node %s", domain, node.nodeId()).isNull();
    }
  }

  /** The domain stays deleting with its job: served by no node. */
  static void assertDeleting(String db, String domain, List<Node> nodes) {
    assertThat(status(db, domain)).as("status of %s", domain).isEqualTo(2);
    assertThat(jobs(db, domain)).as("job of %s", domain).isEqualTo(1);
    for (Node node : nodes) {
      assertThat(node.registry().hostTypeOf(domain)).as("%s on node %s", domain, node.nodeId()).isNull();
    }
  }

  static long single(String db, String query) {
    try (Connection conn = TestDatabase.jdbc(db); Statement st = conn.createStatement();
         ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
