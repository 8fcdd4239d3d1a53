package org.domainregistry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node in a JVM process of its own, started with {@code Main --config FILE} like an operator would,
 * logging as shipped (the main {@code logback.xml}, not the tests' one).
 */
public final class NodeProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final Process process;
  private final String host;
  private final int httpPort;
  private final Path log;

  private NodeProcess(Process process, String host, int httpPort, Path log) {
    this.process = process;
    this.host = host;
    this.httpPort = httpPort;
    this.log = log;
  }

  /** Starts a node process on this YAML config and waits until it is ready. */
  public static NodeProcess start(String yaml, int httpPort, Duration deadline) {
    return start(yaml, httpPort, deadline, List.of("-Xmx256m"));
  }

  /** The same with these JVM options (heap, GC, ...) instead of {@code -Xmx256m}. */
  public static NodeProcess start(String yaml, int httpPort, Duration deadline, List<String> jvmOptions) {
    return start(NodeLaunch.onLoopback(yaml, httpPort, deadline, jvmOptions));
  }

  /**
   * The same, the JVM run by {@code launcher} (e.g. {@code setpriv --regid=G --clear-groups}, so
   * that packet filters can tell its sockets apart by owner); an empty launcher runs it directly.
   */
  public static NodeProcess start(String yaml, int httpPort, Duration deadline, List<String> jvmOptions,
                                  List<String> launcher) {
    return start(new NodeLaunch(yaml, "127.0.0.1", httpPort, deadline, jvmOptions, launcher, Map.of()));
  }

  /** Starts a node process as {@code launch} says and waits until it is ready. */
  public static NodeProcess start(NodeLaunch launch) {
    try {
      Path dir = Files.createTempDirectory("registry-node-");
      Path config = Files.writeString(dir.resolve("node.yaml"), launch.yaml());
      Path log = dir.resolve("node.log");
      List<String> command = new ArrayList<>(launch.commandPrefix());
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
          "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath()));
      command.addAll(launch.jvmOptions());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.domainregistry.Main",
          "--config", config.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("DOMAINS_"));
      builder.environment().putAll(launch.environment());
      NodeProcess node = new NodeProcess(builder.start(), launch.host(), launch.httpPort(), log);
      try {
        Await.until("node process on " + launch.host() + ":" + launch.httpPort() + " ready (log " + log + ")",
            launch.deadline(), node::ready);
      } catch (RuntimeException | AssertionError notReady) {
        node.kill();
        throw notReady;
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("node process exited: " + tail());
    }
    try {
      // A short timeout, as a Kubernetes probe has: a request taken in the moment the listener opens
      // can go unanswered (Vert.x 5.0.7's HTTP server metrics, README "Known limitations").
      return send(HttpRequest.newBuilder(uri("/health/ready")).GET(), Duration.ofSeconds(1)).statusCode() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> send(String method, String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Sends a JSON request with extra headers ({@code name, value, name, value ...}). */
  public HttpResponse<String> send(String method, String path, String json, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").headers(headers)
        .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, Duration.ofSeconds(20));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
    try {
      return HTTP.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The URI of {@code path} on this node's HTTP API. */
  public URI uri(String path) {
    return URI.create("http://" + host + ":" + httpPort + path);
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Sends SIGTERM and waits up to {@code deadline} for the exit; its exit code. */
  public int terminate(Duration deadline) {
    process.destroy();
    try {
      if (!process.waitFor(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new AssertionError("node did not exit within " + deadline + ": " + tail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return process.exitValue();
  }

  /** Everything the process wrote so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process with SIGKILL, as a crash would, and waits for it to be gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the process as an operator would (SIGTERM: the node leaves the cluster cleanly). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
