package org.domainregistry.api;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.service.BulkImporter;
import org.domainregistry.service.DomainService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code POST /api/domains/import} (README "Operating", bulk import/export): the body read line
 * by line with a {@link RecordParser}, paused while each batch is written, each line answered with
 * {@code {"line","domain","result"}} and the whole with a summary line, one nudge at the end.
 */
final class ImportRun {
  private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);
  /** Longest line; above the largest chunk the parser may hold while paused. */
  private static final int MAX_LINE = 1 << 20;
  /** Batches written at once: the next is parsed and sent while the database commits the last. */
  private static final int IN_FLIGHT = 2;
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final DomainService service;
  private final boolean csv;
  private final int batchSize;
  private final RecordParser parser;
  private List<Item> batch = new ArrayList<>();
  private long line;
  private long created;
  private long unchanged;
  private long failed;
  private long lastEventId;
  private boolean ended;
  private int inFlight;
  private Future<Void> tail = Future.succeededFuture();

  /** One line of the body: what it asks for, or the result it already has (a line that does not parse). */
  private record Item(long line, String domain, String hostType, String preset) {}

  ImportRun(HttpServerRequest request, DomainService service, boolean csv, int batchSize) {
    this.request = request;
    this.response = request.response();
    this.service = service;
    this.csv = csv;
    this.batchSize = batchSize;
    this.parser = RecordParser.newDelimited("\n", request).maxRecordSize(MAX_LINE);
  }

  void start() {
    response.setChunked(true).putHeader("Content-Type", "application/x-ndjson");
    parser.handler(this::line).endHandler(x -> {
      ended = true;
      if (!batch.isEmpty()) {
        flush();
      }
      tail.onComplete(y -> finish());
    }).exceptionHandler(this::broken);
    request.resume();
  }

  private void line(Buffer record) {
    line++;
    String text = record.toString(StandardCharsets.UTF_8).strip();
    if (text.isEmpty() || csv && line == 1 && text.equalsIgnoreCase("domain,host_type")) {
      return;
    }
    batch.add(parse(text));
    if (batch.size() >= batchSize) {
      flush();
    }
  }

  private Item parse(String text) {
    if (csv) {
      int comma = text.indexOf(',');
      return comma < 0 ? new Item(line, text, null, DomainError.INVALID_BODY.code())
          : new Item(line, text.substring(0, comma).strip(), text.substring(comma + 1).strip(), null);
    }
    try {
      JsonObject json = new JsonObject(text);
      Object domain = json.getValue("domain");
      Object hostType = json.getValue("host_type");
      return domain instanceof String d && hostType instanceof String h ? new Item(line, d, h, null)
          : new Item(line, domain instanceof String d ? d : null, null, DomainError.INVALID_BODY.code());
    } catch (DecodeException e) {
      return new Item(line, null, null, DomainError.INVALID_BODY.code());
    }
  }

  /**
   * Starts writing the pending batch; the body is paused while {@value #IN_FLIGHT} batches are being
   * written. Results are answered in line order.
   */
  private void flush() {
    List<Item> items = batch;
    batch = new ArrayList<>();
    List<Map.Entry<String, String>> pairs = new ArrayList<>(items.size());
    items.stream().filter(item -> item.preset() == null)
        .forEach(item -> pairs.add(new AbstractMap.SimpleEntry<>(item.domain(), item.hostType())));
    Future<BulkImporter.Batch> written = pairs.isEmpty()
        ? Future.succeededFuture(new BulkImporter.Batch(List.of(), 0)) : service.importBatch(pairs);
    if (++inFlight >= IN_FLIGHT) {
      parser.pause();
    }
    tail = tail.compose(x -> written.transform(done -> {
      answer(items, done);
      return Future.<Void>succeededFuture();
    })).onComplete(x -> {
      inFlight--;
      if (ended) {
        return;
      }
      if (response.writeQueueFull()) {
        response.drainHandler(y -> parser.resume());
      } else {
        parser.resume();
      }
    });
  }

  private void answer(List<Item> items, AsyncResult<BulkImporter.Batch> done) {
    if (response.ended()) {
      return;
    }
    String failure = done.failed() ? DomainException.of(done.cause()).error().code() : null;
    Buffer out = Buffer.buffer(items.size() * 64);
    int next = 0;
    for (Item item : items) {
      String result = item.preset() != null ? item.preset() : failure != null ? failure : done.result().results().get(next++);
      count(result);
      out.appendString(new JsonObject().put("line", item.line()).put("domain", item.domain())
          .put("result", result).encode()).appendByte((byte) '\n');
    }
    if (done.succeeded()) {
      lastEventId = Math.max(lastEventId, done.result().lastEventId());
    }
    response.write(out);
  }

  private void count(String result) {
    if (BulkImporter.CREATED.equals(result)) {
      created++;
    } else if (BulkImporter.UNCHANGED.equals(result)) {
      unchanged++;
    } else {
      failed++;
    }
  }

  private void finish() {
    if (response.ended()) {
      return;
    }
    service.finishImport(lastEventId)
        .onFailure(cause -> LOG.warn("import: waiting for events up to {} failed: {}", lastEventId, cause.getMessage()))
        .onComplete(x -> response.end(new JsonObject().put("summary", new JsonObject().put("created", created)
            .put("unchanged", unchanged).put("failed", failed)).encode() + "\n"));
  }

  private void broken(Throwable cause) {
    LOG.info("import stopped at line {}: {}", line, cause.getMessage());
    if (!response.ended()) {
      response.end(new JsonObject().put("line", line + 1).put("result", DomainError.INVALID_BODY.code()).encode()
          + "\n");
    }
  }
}
