package org.domainregistry.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.domainregistry.faults.FaultSchedule.Fault;
import org.domainregistry.faults.FaultSchedule.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fault suite (README "Fault testing"): seeded schedules of real faults over a recorded
 * workload on three node processes, each checked after healing. {@code mvn verify} runs
 * {@code faults.schedules} (2) of them from {@code faults.seed} (3); {@code mvn -Pfaults verify}
 * runs seeds 1-20; one schedule is replayed with {@code -Dfaults.seed=S -Dfaults.schedules=1}.
 * Needs root, ip and iptables; clocks are stepped when gcc can build the shim.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteTest {
  private FaultCluster cluster;

  @BeforeAll
  void startCluster() {
    assumeTrue(Shell.canInjectFaults(), "fault injection needs root, ip and iptables");
    cluster = new FaultCluster(3);
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyScheduleHealsWithNothingAcknowledgedLost() throws Exception {
    int schedules = Integer.getInteger("faults.schedules", 2);
    long firstSeed = Long.getLong("faults.seed", 1);
    List<String> report = new ArrayList<>();
    List<Long> converge = new ArrayList<>();
    List<String> anomalies = new ArrayList<>();
    List<String> logLines = new ArrayList<>();
    int acknowledged = 0;
    int duringFaults = 0;
    for (long seed = firstSeed; seed < firstSeed + schedules; seed++) {
      FaultSchedule schedule = FaultSchedule.of(seed, cluster.size(), cluster.clocks().isPresent());
      Workload workload = new Workload("f" + seed, cluster.size(), 2, 8, seed, i -> cluster.node(i).uri("/"));
      run(schedule, workload);
      workload.stop();
      Checker.Result result = Checker.check(cluster, workload, Duration.ofSeconds(90));
      converge.add(result.convergeMillis());
      anomalies.addAll(result.anomalies().stream().map(a -> "seed " + schedule.seed() + ": " + a).toList());
      for (String domain : workload.anomalousDomains()) {
        cluster.logLinesAbout(domain).forEach(line -> logLines.add("log of " + line));
      }
      acknowledged += workload.acknowledged();
      duringFaults += workload.acknowledgedDuringFaults();
      report.add(schedule + " | acknowledged " + workload.acknowledged() + " (" + workload.acknowledgedDuringFaults()
          + " during faults), converged in " + result.convergeMillis() + " ms, anomalies " + result.anomalies().size());
    }
    converge.sort(null);
    report.add(schedules + " schedules, " + acknowledged + " operations acknowledged (" + duringFaults
        + " during faults), converge after heal p50 " + percentile(converge, 50) + " ms, p99 "
        + percentile(converge, 99) + " ms, anomalies " + anomalies.size());
    report.addAll(anomalies);
    report.addAll(logLines);
    Files.write(Path.of("target", "fault-report.txt"), report);
    report.forEach(System.out::println);
    assertThat(anomalies).isEmpty();
    assertThat(duringFaults).as("operations acknowledged while faults were held").isPositive();
  }

  private void run(FaultSchedule schedule, Workload workload) throws InterruptedException {
    FaultInjector injector = new FaultInjector(cluster);
    Thread.sleep(1_000); // the schedule's own timing: the workload runs unfaulted first
    for (Window window : schedule.windows()) {
      workload.faultActive(true);
      for (Fault fault : window.faults()) {
        injector.inject(fault);
      }
      Thread.sleep(window.holdMillis());
      injector.heal(window.faults());
      workload.faultActive(false);
      Thread.sleep(window.gapMillis());
    }
  }

  private static long percentile(List<Long> sorted, int percent) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
  }

  static {
    try {
      Files.createDirectories(Path.of("target"));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
