package org.domainregistry.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A seeded random schedule: a few windows, each holding one or two faults for a few seconds while
 * the workload runs, then healing them. The same seed gives the same schedule (README "Fault
 * testing").
 *
 * @param seed what the schedule was drawn from
 * @param windows the fault windows, in order
 */
record FaultSchedule(long seed, List<Window> windows) {
  /** The faults the suite injects. */
  enum Kind { ISOLATE_NODE, CUT_LINK, CUT_DATABASE, KILL_NODE, KILL_DATABASE, SLOW_DATABASE, CLOCK_STEP }

  /**
   * One fault.
   *
   * @param kind what is done
   * @param node the node it is done to (ignored by the database faults)
   * @param other the other end of a cut link
   * @param seconds how far a clock is stepped (forward or back)
   */
  record Fault(Kind kind, int node, int other, long seconds) {
    boolean onDatabase() {
      return kind == Kind.KILL_DATABASE || kind == Kind.SLOW_DATABASE;
    }

    @Override
    public String toString() {
      return switch (kind) {
        case KILL_DATABASE, SLOW_DATABASE -> kind.name().toLowerCase();
        case CUT_LINK -> "cut_link " + node + "-" + other;
        case CLOCK_STEP -> "clock_step " + node + " " + (seconds > 0 ? "+" : "") + seconds + " s";
        default -> kind.name().toLowerCase() + " " + node;
      };
    }
  }

  /**
   * Faults held together.
   *
   * @param faults injected at once
   * @param holdMillis how long they are held
   * @param gapMillis how long the system runs healed before the next window
   */
  record Window(List<Fault> faults, long holdMillis, long gapMillis) {}

  /** The schedule of {@code seed} for a cluster of {@code nodes}. */
  static FaultSchedule of(long seed, int nodes, boolean clocks) {
    Random random = new Random(seed);
    List<Window> windows = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      List<Fault> faults = new ArrayList<>(List.of(fault(random, nodes, clocks)));
      if (random.nextInt(100) < 35) {
        Fault second = fault(random, nodes, clocks);
        boolean clash = second.kind() == faults.get(0).kind() || second.onDatabase() && faults.get(0).onDatabase();
        if (!clash) {
          faults.add(second);
        }
      }
      windows.add(new Window(faults, 2_000 + random.nextInt(3_000), 1_000 + random.nextInt(1_000)));
    }
    return new FaultSchedule(seed, windows);
  }

  private static Fault fault(Random random, int nodes, boolean clocks) {
    Kind[] kinds = Kind.values();
    Kind kind = kinds[random.nextInt(clocks ? kinds.length : kinds.length - 1)];
    int node = random.nextInt(nodes);
    int other = (node + 1 + random.nextInt(nodes - 1)) % nodes;
    long seconds = (random.nextBoolean() ? 1 : -1) * 3_600L;
    return new Fault(kind, node, other, seconds);
  }

  @Override
  public String toString() {
    return "seed " + seed + ": " + windows.stream()
        .map(w -> w.faults().stream().map(Fault::toString).collect(Collectors.joining(" + ")) + " for " + w.holdMillis() + " ms")
        .collect(Collectors.joining(", "));
  }
}
