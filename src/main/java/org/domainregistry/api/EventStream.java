package org.domainregistry.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.sync.ChangeFeed;

/**
 * One open {@code /api/events/stream}: each feed item as an event ({@code id:} the event id,
 * {@code data:} the item), a read of the feed every {@code stream_poll_ms}, a heartbeat comment
 * every {@code stream_heartbeat_ms}. Ends with an {@code event: reload_needed} when the reader fell
 * behind the cleaner, or when the client goes.
 */
final class EventStream {
  private final Vertx vertx;
  private final ChangeFeed feed;
  private final HttpServerResponse response;
  private final NodeConfig.Feed config;
  private long last;
  private boolean reading;
  private boolean readAgain;
  private long pollTimer;
  private long heartbeatTimer;

  EventStream(Vertx vertx, ChangeFeed feed, HttpServerResponse response, NodeConfig.Feed config) {
    this.vertx = vertx;
    this.feed = feed;
    this.response = response;
    this.config = config;
  }

  void start(JsonObject firstPage) {
    response.write(": stream of domain events\n\n");
    write(firstPage);
    pollTimer = vertx.setPeriodic(config.streamPollMs(), id -> read());
    heartbeatTimer = vertx.setPeriodic(config.streamHeartbeatMs(), id -> response.write(": heartbeat\n\n"));
  }

  /** Reads and sends what was applied since the last read; called during a read, it reads again after it. */
  void read() {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    readAgain = false;
    feed.page(last, 500).onComplete(page -> {
      reading = false;
      if (page.succeeded()) {
        write(page.result());
        if (readAgain && !response.ended()) {
          read();
        }
      } else if (page.cause() instanceof DomainException e && e.error() == DomainError.RELOAD_NEEDED) {
        response.write("event: reload_needed\ndata: " + new JsonObject().put("code", e.error().code())
            .put("message", e.getMessage()).encode() + "\n\n");
        response.end();
        stop();
      }
    });
  }

  private void write(JsonObject page) {
    if (response.ended() || response.closed()) {
      return;
    }
    JsonArray items = page.getJsonArray("items");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      out.append("id: ").append(item.getLong("id")).append("\ndata: ").append(item.encode()).append("\n\n");
    }
    if (!out.isEmpty()) {
      response.write(out.toString());
    }
    last = page.getLong("next");
  }

  /** Stops the timers (the response was closed or ended). */
  void stop() {
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(heartbeatTimer);
  }
}
