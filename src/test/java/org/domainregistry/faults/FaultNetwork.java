package org.domainregistry.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite's own network: a bridge in the host namespace (the database and the sibling service
 * listen on its address) and one network namespace per node, joined to it by a veth pair. Faults
 * are iptables rules inside a node's namespace; {@link #heal} flushes them, {@link #close} removes
 * everything this class created. Test traffic never leaves the bridge.
 */
final class FaultNetwork implements AutoCloseable {
  private static final String PREFIX = "10.213.0.";
  private static final String BRIDGE = "drf-br";
  private final int size;
  private final int httpPort;
  private int dbPort;

  /** Creates the bridge and {@code size} namespaces; nodes will answer HTTP on {@code httpPort}. */
  FaultNetwork(int size, int httpPort) {
    this.size = size;
    this.httpPort = httpPort;
    removeLeftovers();
    Shell.run("ip", "link", "add", BRIDGE, "type", "bridge");
    Shell.run("ip", "addr", "add", hostAddress() + "/24", "dev", BRIDGE);
    Shell.run("ip", "link", "set", BRIDGE, "up");
    Shell.run("iptables", "-I", "FORWARD", "-i", BRIDGE, "-o", BRIDGE, "-j", "ACCEPT");
    for (int i = 0; i < size; i++) {
      String ns = namespace(i);
      String veth = "drf-v" + i;
      Shell.run("ip", "netns", "add", ns);
      Shell.run("ip", "link", "add", veth, "type", "veth", "peer", "name", "drf-p" + i);
      Shell.run("ip", "link", "set", "drf-p" + i, "netns", ns);
      inside(i, "ip", "link", "set", "drf-p" + i, "name", "eth0");
      inside(i, "ip", "addr", "add", nodeAddress(i) + "/24", "dev", "eth0");
      inside(i, "ip", "link", "set", "eth0", "up");
      inside(i, "ip", "link", "set", "lo", "up");
      Shell.run("ip", "link", "set", veth, "master", BRIDGE);
      Shell.run("ip", "link", "set", veth, "up");
    }
  }

  /** The port of the database, which {@link #isolate} keeps and {@link #cutDatabase} cuts. */
  void databasePort(int port) {
    dbPort = port;
  }

  /** The subnet the database must trust. */
  static String subnet() {
    return PREFIX + "0/24";
  }

  /** The host side of the bridge: the database and the sibling service. */
  static String hostAddress() {
    return PREFIX + "1";
  }

  static String nodeAddress(int node) {
    return PREFIX + (11 + node);
  }

  static String namespace(int node) {
    return "drf-n" + node;
  }

  /** The words that run a command inside node {@code node}'s namespace. */
  static List<String> execPrefix(int node) {
    return List.of("ip", "netns", "exec", namespace(node));
  }

  /**
   * Cuts {@code node} from every other node and the sibling service (Hazelcast, event bus); its
   * HTTP API and the database stay reachable.
   */
  void isolate(int node) {
    iptables(node, "-A", "INPUT", "-i", "eth0", "-p", "tcp", "--dport", String.valueOf(httpPort), "-j", "ACCEPT");
    iptables(node, "-A", "INPUT", "-i", "eth0", "-p", "tcp", "--sport", String.valueOf(dbPort), "-j", "ACCEPT");
    iptables(node, "-A", "INPUT", "-i", "eth0", "-j", "DROP");
    iptables(node, "-A", "OUTPUT", "-o", "eth0", "-p", "tcp", "--sport", String.valueOf(httpPort), "-j", "ACCEPT");
    iptables(node, "-A", "OUTPUT", "-o", "eth0", "-p", "tcp", "--dport", String.valueOf(dbPort), "-j", "ACCEPT");
    iptables(node, "-A", "OUTPUT", "-o", "eth0", "-j", "DROP");
  }

  /** Cuts the link between two nodes only (each still reaches the rest). */
  void cut(int one, int other) {
    for (int[] pair : new int[][] {{one, other}, {other, one}}) {
      iptables(pair[0], "-A", "INPUT", "-s", nodeAddress(pair[1]), "-j", "DROP");
      iptables(pair[0], "-A", "OUTPUT", "-d", nodeAddress(pair[1]), "-j", "DROP");
    }
  }

  /** Cuts {@code node} from the database; packets are dropped, so connections hang half-open. */
  void cutDatabase(int node) {
    iptables(node, "-A", "INPUT", "-i", "eth0", "-p", "tcp", "--sport", String.valueOf(dbPort), "-j", "DROP");
    iptables(node, "-A", "OUTPUT", "-o", "eth0", "-p", "tcp", "--dport", String.valueOf(dbPort), "-j", "DROP");
  }

  /** Removes every rule from every namespace. */
  void heal() {
    for (int i = 0; i < size; i++) {
      iptables(i, "-F", "INPUT");
      iptables(i, "-F", "OUTPUT");
    }
  }

  private void iptables(int node, String... rule) {
    List<String> command = new ArrayList<>(List.of("iptables", "-w"));
    command.addAll(List.of(rule));
    inside(node, command.toArray(String[]::new));
  }

  private static void inside(int node, String... command) {
    List<String> words = new ArrayList<>(execPrefix(node));
    words.addAll(List.of(command));
    Shell.run(words.toArray(String[]::new));
  }

  private static void removeLeftovers() {
    for (int i = 0; i < 8; i++) {
      Shell.tryRun("ip", "netns", "del", namespace(i));
      Shell.tryRun("ip", "link", "del", "drf-v" + i);
    }
    Shell.tryRun("ip", "link", "del", BRIDGE);
    while (Shell.tryRun("iptables", "-D", "FORWARD", "-i", BRIDGE, "-o", BRIDGE, "-j", "ACCEPT") != null) {
      // one rule per earlier run that could not clean up
    }
  }

  @Override
  public void close() {
    removeLeftovers();
  }
}
