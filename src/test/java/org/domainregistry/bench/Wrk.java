package org.domainregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs wrk (4.x, {@code apt-get install wrk}) against a local HTTP server: GETs of
 * {@code PREFIX<random 1..N>SUFFIX}, every path a random one of the benchmark's domains. One
 * {@link Result} per run: requests per second, p50 and p99 latency, non-2xx/3xx answers.
 */
final class Wrk {
  private final Path script;
  private final int threads;
  private final int connections;

  /** A wrk of {@code threads} threads and {@code connections} connections asking for {@code prefix + i + suffix}. */
  Wrk(String prefix, int domains, String suffix, int threads, int connections) {
    this.threads = threads;
    this.connections = connections;
    try {
      script = Files.writeString(Files.createTempFile("wrk-", ".lua"), String.join("\n",
          "math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))",
          "request = function()",
          "  return wrk.format('GET', '" + prefix + "' .. math.random(1, " + domains + ") .. '" + suffix + "')",
          "end",
          "done = function(summary, latency, requests)",
          "  io.write(string.format('WRK %d %d %d %d %d\\n', summary.requests, summary.duration,",
          "    latency:percentile(50), latency:percentile(99), summary.errors.status + summary.errors.connect",
          "    + summary.errors.read + summary.errors.write + summary.errors.timeout))",
          "end", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One run of {@code seconds} against {@code http://127.0.0.1:port}. */
  Result run(int port, int seconds) {
    List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
        "-s", script.toString(), "http://127.0.0.1:" + port);
    try {
      Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
      List<String> lines = new ArrayList<>(new String(wrk.getInputStream().readAllBytes()).lines().toList());
      wrk.waitFor();
      String line = lines.stream().filter(l -> l.startsWith("WRK ")).findFirst()
          .orElseThrow(() -> new IllegalStateException("wrk said: " + lines));
      String[] f = line.split(" ");
      double micros = Double.parseDouble(f[2]);
      return new Result(Long.parseLong(f[1]) / (micros / 1e6), Long.parseLong(f[3]) / 1000.0,
          Long.parseLong(f[4]) / 1000.0, Long.parseLong(f[5]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Requests per second, median and 99th percentile latency in ms, failed requests. */
  record Result(double perSecond, double p50Ms, double p99Ms, long errors) {
    @Override
    public String toString() {
      return String.format("%,.0f req/s, p50 %.2f ms, p99 %.2f ms%s", perSecond, p50Ms, p99Ms,
          errors == 0 ? "" : ", " + errors + " errors");
    }
  }
}
