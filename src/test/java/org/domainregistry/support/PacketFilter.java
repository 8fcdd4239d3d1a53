package org.domainregistry.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Real packet loss on loopback with iptables: every packet between two TCP ports (one connection)
 * or to and from a listening port is dropped until {@link #close}, which removes exactly the rules
 * this filter added. Needs root and iptables; {@link #assumeAvailable} skips a test otherwise.
 */
public final class PacketFilter implements AutoCloseable {
  private static final String IPTABLES = Stream.of("/usr/sbin/iptables", "/sbin/iptables", "/usr/bin/iptables")
      .filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse(null);
  private final List<List<String>> rules = new ArrayList<>();

  /** Skips the calling test unless this JVM runs as root with {@code iptables} on the machine. */
  public static void assumeAvailable() {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "packet filtering needs root");
    Assumptions.assumeTrue(IPTABLES != null, "iptables is not installed");
    Assumptions.assumeTrue(run(List.of(IPTABLES, "-S", "INPUT")) == 0, "iptables does not work here");
  }

  /** Drops every packet of the loopback TCP connection between ports {@code a} and {@code b}, both ways. */
  public PacketFilter dropConnection(int a, int b) {
    add("INPUT", "-i", "lo", "-p", "tcp", "--sport", a, "--dport", b);
    add("INPUT", "-i", "lo", "-p", "tcp", "--sport", b, "--dport", a);
    return this;
  }

  /** Drops every loopback TCP packet to or from {@code port}, cutting off whoever listens on it. */
  public PacketFilter dropPort(int port) {
    add("INPUT", "-i", "lo", "-p", "tcp", "--sport", port);
    add("INPUT", "-i", "lo", "-p", "tcp", "--dport", port);
    return this;
  }

  /**
   * Drops every loopback TCP packet sent by processes of group {@code gid} (see
   * {@code NodeProcess.start} with a launcher) except to {@code exceptPort}: their outgoing
   * connections, whatever their ephemeral ports, go nowhere but there.
   */
  public PacketFilter dropSentByGroup(int gid, int exceptPort) {
    add("OUTPUT", "-o", "lo", "-m", "owner", "--gid-owner", gid, "-p", "tcp", "!", "--dport", exceptPort);
    return this;
  }

  private void add(Object... parts) {
    List<String> rule = new ArrayList<>(Stream.of(parts).map(String::valueOf).toList());
    rule.addAll(List.of("-j", "DROP"));
    List<String> command = new ArrayList<>(List.of(IPTABLES, "-A"));
    command.addAll(rule);
    if (run(command) != 0) {
      throw new IllegalStateException("iptables refused " + command);
    }
    rules.add(rule);
  }

  /** Removes the rules this filter added, the traffic flowing again. */
  @Override
  public void close() {
    for (List<String> rule : rules) {
      List<String> command = new ArrayList<>(List.of(IPTABLES, "-D"));
      command.addAll(rule);
      run(command);
    }
    rules.clear();
  }

  private static int run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      if (process.exitValue() != 0) {
        System.err.println(String.join(" ", command) + ": " + output.strip());
      }
      return process.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
