package org.domainregistry.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.ChangeListeners;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.service.Requests;
import org.domainregistry.sync.ChangeFeed;
import org.domainregistry.sync.RegistryVerifier;

/**
 * Handlers of {@code /api/events}, {@code /api/events/stream} and {@code /api/verify} (README
 * "REST admin API", change feed and verify).
 */
final class EventRoutes implements AutoCloseable {
  private static final int STREAM_PAGE = 500;
  private final Vertx vertx;
  private final ChangeFeed feed;
  private final RegistryVerifier verifier;
  private final NodeConfig.Feed config;
  private final Set<EventStream> streams = new HashSet<>();
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final ChangeListeners changes;
  private final Context context;
  private AutoCloseable subscription;

  /**
   * Routes on the calling verticle's context; while streams are open, they read at once when this
   * node's registry changes (one listener for them all, wake-ups coalesced), and every
   * {@code feed.stream_poll_ms}.
   */
  EventRoutes(Vertx vertx, ChangeFeed feed, RegistryVerifier verifier, NodeConfig.Feed config, ChangeListeners changes) {
    this.vertx = vertx;
    this.feed = feed;
    this.verifier = verifier;
    this.config = config;
    this.changes = changes;
    this.context = vertx.getOrCreateContext();
  }

  /** Stops listening to the registry (the verticle stops). */
  @Override
  public void close() {
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      subscription = null;
    }
  }

  private void opened(EventStream stream) {
    if (streams.isEmpty()) {
      subscription = changes.add(change -> {
        if (wakePending.compareAndSet(false, true)) {
          context.runOnContext(x -> {
            wakePending.set(false);
            streams.forEach(EventStream::read);
          });
        }
      });
    }
    streams.add(stream);
  }

  private void closed(EventStream stream) {
    stream.stop();
    if (streams.remove(stream) && streams.isEmpty()) {
      close();
    }
  }

  void page(RoutingContext ctx) {
    long after = after(ctx, param(ctx, "after"));
    int limit = param(ctx, "limit").map(l -> Requests.limit(l, DomainError.INVALID_QUERY)).orElse(Requests.DEFAULT_LIMIT);
    feed.page(after, limit).onSuccess(ctx::json).onFailure(failure -> fail(ctx, failure));
  }

  /** Server-Sent Events from {@code Last-Event-ID} or {@code ?after}; {@code 410 reload_needed} before any event. */
  void stream(RoutingContext ctx) {
    long after = after(ctx, Optional.ofNullable(ctx.request().getHeader("Last-Event-ID")).or(() -> param(ctx, "after")));
    feed.page(after, STREAM_PAGE).onFailure(failure -> fail(ctx, failure)).onSuccess(first -> {
      ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
          .putHeader("Cache-Control", "no-cache");
      EventStream stream = new EventStream(vertx, feed, ctx.response(), config);
      opened(stream);
      ctx.response().closeHandler(x -> closed(stream)).endHandler(x -> closed(stream));
      stream.start(first);
    });
  }

  void verify(RoutingContext ctx) {
    verifier.verify().onSuccess(ctx::json).onFailure(ctx::fail);
  }

  /** Adds the event id a fresh export reflects to a {@code reload_needed} answer. */
  private void fail(RoutingContext ctx, Throwable failure) {
    if (!(failure instanceof DomainException e) || e.error() != DomainError.RELOAD_NEEDED) {
      ctx.fail(failure);
      return;
    }
    feed.exportEventId().onComplete(id -> {
      if (id.succeeded()) {
        ctx.put(HttpErrors.DETAILS, new JsonObject().put("export_event_id", id.result()));
      }
      ctx.fail(failure);
    });
  }

  private static long after(RoutingContext ctx, Optional<String> value) {
    try {
      long after = value.map(Long::parseLong).orElse(0L);
      if (after < 0) {
        throw new NumberFormatException();
      }
      return after;
    } catch (NumberFormatException e) {
      throw DomainError.INVALID_QUERY.exception("after must be an event id (a non-negative integer)");
    }
  }

  private static Optional<String> param(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.queryParams().get(name)).filter(value -> !value.isEmpty());
  }

}
