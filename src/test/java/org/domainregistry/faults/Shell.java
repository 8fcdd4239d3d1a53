package org.domainregistry.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system commands that inject faults (ip, iptables), failing loudly when one fails. */
final class Shell {
  private Shell() {}

  /** Whether the suite can inject faults here: root, with {@code ip} and {@code iptables}. */
  static boolean canInjectFaults() {
    return "root".equals(System.getProperty("user.name")) && onPath("ip") && onPath("iptables");
  }

  static boolean onPath(String command) {
    return List.of(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin").split(":")).stream()
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)))
        || Files.isExecutable(Path.of("/usr/sbin", command));
  }

  /** Runs a command and returns its output; throws when it exits non-zero. */
  static String run(String... command) {
    String output = tryRun(command);
    if (output == null) {
      throw new IllegalStateException("failed: " + String.join(" ", command) + ": " + lastError);
    }
    return output;
  }

  private static volatile String lastError = "";

  /** Runs a command; its output, or null when it exits non-zero (e.g. removing what is not there). */
  static String tryRun(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return null;
      }
      if (process.exitValue() != 0) {
        lastError = output;
        return null;
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
