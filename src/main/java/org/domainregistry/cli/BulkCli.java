package org.domainregistry.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code domain import FILE} and {@code domain export} (README "Operating", bulk import/export):
 * the file streamed to {@code POST /api/domains/import} (CSV when it ends in {@code .csv}, else
 * NDJSON), the node's NDJSON answer or export streamed to {@code out}, a progress line (count,
 * rate) on {@code err}.
 */
final class BulkCli {
  private static final long PROGRESS_EVERY_MS = 1000;
  private final NodeClient client;
  private final PrintStream out;
  private final PrintStream err;

  BulkCli(NodeClient client, PrintStream out, PrintStream err) {
    this.client = client;
    this.out = out;
    this.err = err;
  }

  /** Whether {@code words} name a bulk command. */
  static boolean handles(List<String> words) {
    return !words.isEmpty() && (words.get(0).equals("import") || words.get(0).equals("export"));
  }

  /** Runs {@code import FILE} or {@code export}; 0 when every line succeeded. */
  int run(List<String> words) throws IOException, InterruptedException {
    if (words.get(0).equals("export")) {
      if (words.size() != 1) {
        throw new CliUsageException("Usage: domain export");
      }
      return stream(HttpRequest.newBuilder(client.uri("/api/domains/export")).GET(), "exported");
    }
    if (words.size() != 2) {
      throw new CliUsageException("Usage: domain import FILE (NDJSON, or CSV when it ends in .csv)");
    }
    Path file = Path.of(words.get(1));
    if (!Files.isReadable(file)) {
      throw new CliUsageException("Cannot read " + file);
    }
    String type = file.toString().endsWith(".csv") ? "text/csv" : "application/x-ndjson";
    return stream(HttpRequest.newBuilder(client.uri("/api/domains/import")).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofFile(file)), "imported");
  }

  private int stream(HttpRequest.Builder request, String verb) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> response = NodeClient.http().send(client.authorized(request).build(),
        HttpResponse.BodyHandlers.ofLines());
    long start = System.nanoTime();
    long count = 0;
    long lastProgress = 0;
    boolean failed = response.statusCode() != 200;
    Iterator<String> lines = response.body().iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      out.println(line);
      JsonObject json = parse(line);
      if (json != null && json.containsKey("result")) {
        failed |= !json.getString("result", "").matches("created|unchanged");
      }
      if (json == null || !json.containsKey("summary") && !json.containsKey("snapshot_event_id")) {
        count++;
      }
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      if (elapsedMs - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = elapsedMs;
        progress(verb, count, elapsedMs, false);
      }
    }
    progress(verb, count, (System.nanoTime() - start) / 1_000_000, true);
    return failed ? DomainCli.FAILURE : DomainCli.SUCCESS;
  }

  private void progress(String verb, long count, long elapsedMs, boolean last) {
    long rate = elapsedMs == 0 ? count : count * 1000 / elapsedMs;
    err.print("\r" + verb + " " + count + " domains (" + rate + "/s)" + (last ? "\n" : ""));
    err.flush();
  }

  private static JsonObject parse(String line) {
    try {
      return new JsonObject(line);
    } catch (DecodeException e) {
      return null;
    }
  }
}
