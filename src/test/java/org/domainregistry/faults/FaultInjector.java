package org.domainregistry.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import org.domainregistry.faults.FaultSchedule.Fault;
import org.domainregistry.support.TestDatabase;

/** Injects a window's faults into the {@link FaultCluster} for real, and heals them. */
final class FaultInjector {
  /** Latency a slow database adds to every chunk of bytes, each way. */
  private static final long LAG_MILLIS = 200;
  private final FaultCluster cluster;
  private Connection lockHolder;

  FaultInjector(FaultCluster cluster) {
    this.cluster = cluster;
  }

  void inject(Fault fault) {
    switch (fault.kind()) {
      case ISOLATE_NODE -> cluster.network().isolate(fault.node());
      case CUT_LINK -> cluster.network().cut(fault.node(), fault.other());
      case CUT_DATABASE -> cluster.network().cutDatabase(fault.node());
      case KILL_NODE -> cluster.kill(fault.node());
      case KILL_DATABASE -> cluster.database().kill();
      case SLOW_DATABASE -> {
        holdLocks();
        cluster.databaseLink().lag(LAG_MILLIS);
      }
      case CLOCK_STEP -> cluster.clocks().orElseThrow().step(fault.node(), fault.seconds());
    }
  }

  /**
   * Heals a window's faults: the database first, then the network and clocks, and the killed nodes
   * last (a node needs the database to become ready).
   */
  void heal(List<Fault> faults) {
    List<Fault> ordered = faults.stream().sorted(Comparator.comparing(f -> f.kind() == FaultSchedule.Kind.KILL_NODE)).toList();
    for (Fault fault : ordered) {
      switch (fault.kind()) {
        case ISOLATE_NODE, CUT_LINK, CUT_DATABASE -> cluster.network().heal();
        case KILL_NODE -> cluster.restart(fault.node());
        case KILL_DATABASE -> cluster.database().start();
        case SLOW_DATABASE -> {
          cluster.databaseLink().lag(0);
          releaseLocks();
        }
        case CLOCK_STEP -> cluster.clocks().orElseThrow().step(fault.node(), 0);
      }
    }
  }

  /** Holds an exclusive lock on the domains table: writes queue behind it, reads go on. */
  private void holdLocks() {
    try {
      lockHolder = TestDatabase.jdbc(cluster.database().url());
      lockHolder.setAutoCommit(false);
      try (Statement statement = lockHolder.createStatement()) {
        statement.execute("LOCK TABLE domain_settings IN EXCLUSIVE MODE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not lock the domains table", e);
    }
  }

  private void releaseLocks() {
    try (Connection holder = lockHolder) {
      holder.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("could not release the lock", e);
    }
  }
}
