package org.domainregistry.faults;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.domainregistry.faults.DomainHistory.State;
import org.domainregistry.support.Await;
import org.domainregistry.support.NodeProcess;
import org.domainregistry.support.TestDatabase;

/**
 * After healing: waits until every removal job has run and every node has applied the last event
 * and verifies equal to the database, then checks every node's registry, digest and lookups
 * against the database, every domain's final state against what the workload was told, and that
 * every removed domain was cleaned.
 */
final class Checker {
  private final FaultCluster cluster;
  private final List<String> anomalies = new ArrayList<>();

  private Checker(FaultCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * The result of one schedule.
   *
   * @param convergeMillis from the end of healing until every node agreed with the database
   * @param anomalies what the checker found wrong (none in a correct system)
   */
  record Result(long convergeMillis, List<String> anomalies) {}

  static Result check(FaultCluster cluster, Workload workload, Duration deadline) {
    Checker checker = new Checker(cluster);
    long start = System.nanoTime();
    boolean converged = checker.await("no removal job left", deadline, () -> checker.count(
        "SELECT (SELECT count(*) FROM domain_removal_jobs) + (SELECT count(*) FROM domain_settings WHERE status = 2)") == 0)
        && checker.await("every node applied the last event and verifies equal", deadline, checker::nodesAgree);
    long convergeMillis = (System.nanoTime() - start) / 1_000_000;
    if (converged) {
      checker.compare(workload);
    }
    checker.anomalies.addAll(workload.anomalies());
    checker.anomalies.addAll(cluster.cleanup().takeAnomalies());
    return new Result(convergeMillis, List.copyOf(checker.anomalies));
  }

  private boolean nodesAgree() {
    try {
      return everyNodeAgrees();
    } catch (RuntimeException e) {
      return false; // a node not answering yet, or not with JSON
    }
  }

  private boolean everyNodeAgrees() {
    long last = count("SELECT coalesce(max(id), 0) FROM domain_events");
    for (int i = 0; i < cluster.size(); i++) {
      NodeProcess node = cluster.node(i);
      JsonObject sync = new JsonObject(node.get("/api/sync").body());
      if (sync.getLong("applied_event_id", -1L) < last
          || !new JsonObject(node.get("/api/verify").body()).getBoolean("equal", false)) {
        return false;
      }
    }
    return true;
  }

  private void compare(Workload workload) {
    Map<String, State> database = databaseStates();
    List<String> digests = new ArrayList<>();
    for (int i = 0; i < cluster.size(); i++) {
      digests.add(new JsonObject(cluster.node(i).get("/api/sync").body()).getString("digest"));
    }
    if (digests.stream().distinct().count() != 1) {
      anomalies.add("digests differ after convergence: " + digests);
    }
    for (DomainHistory history : workload.histories()) {
      State state = database.getOrDefault(history.domain(), State.ABSENT);
      if (!history.allows(state)) {
        anomalies.add(history.domain() + " is " + state + " in the database; the workload was told " + history);
      }
      if (state == State.ABSENT && history.presentAckedAt() != Long.MIN_VALUE
          && !cluster.cleanup().calledAfter(history.domain(), history.presentAckedAt())) {
        anomalies.add(history.domain() + " was removed without its cleanup handler running: " + history);
      }
      for (int i = 0; i < cluster.size(); i++) {
        var lookup = cluster.node(i).get("/api/lookup/" + history.domain());
        boolean served = lookup.statusCode() == 200 && lookup.body().contains("\"host_type\":\"type1\"");
        if (served != (state == State.ENABLED)) {
          anomalies.add("node " + i + " answers " + lookup.statusCode() + " for " + history.domain() + ", " + state
              + " in the database");
        }
      }
    }
  }

  private Map<String, State> databaseStates() {
    Map<String, State> states = new HashMap<>();
    try (Connection sql = TestDatabase.jdbc(cluster.database().url()); Statement statement = sql.createStatement();
         ResultSet rows = statement.executeQuery("SELECT domain, status FROM domain_settings")) {
      while (rows.next()) {
        int status = rows.getInt(2);
        states.put(rows.getString(1), status == 1 ? State.ENABLED : status == 0 ? State.DISABLED : State.REMOVING);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return states;
  }

  private long count(String query) {
    try (Connection sql = TestDatabase.jdbc(cluster.database().url()); Statement statement = sql.createStatement();
         ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean await(String what, Duration deadline, BooleanSupplier condition) {
    try {
      Await.until(what, deadline, condition);
      return true;
    } catch (AssertionError e) {
      anomalies.add("not converged within " + deadline.toSeconds() + " s: " + what);
      return false;
    }
  }
}
