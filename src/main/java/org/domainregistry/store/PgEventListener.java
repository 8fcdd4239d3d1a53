package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on the channel the events trigger NOTIFYs, so that rows written by anyone (another
 * cluster, plain SQL, a MongooseIM node) are seen at once, and hands each notification to its
 * callback. After every (re)connection it hands on an empty notification: look now, since
 * notifications sent while disconnected are lost (the poll reads their events all the same; only a
 * row given a low id by hand during a disconnection waits for the next full reload).
 */
final class PgEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(PgEventListener.class);
  private static final long RECONNECT_MS = 1000;
  private final Vertx vertx;
  private final PgSubscriber subscriber;

  PgEventListener(Vertx vertx, PgConnectOptions options, Consumer<String> onEvent) {
    this.vertx = vertx;
    this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_MS);
    subscriber.channel(Sql.EVENT_CHANNEL)
        .subscribeHandler(x -> onEvent.accept(""))
        .handler(onEvent::accept);
  }

  /** Connects, retrying in the background until the database answers. */
  Future<Void> start() {
    connect();
    return Future.succeededFuture();
  }

  private void connect() {
    subscriber.connect()
        .onSuccess(x -> LOG.info("Listening for event notifications on channel {}", Sql.EVENT_CHANNEL))
        .onFailure(cause -> vertx.setTimer(RECONNECT_MS, id -> connect()));
  }

  Future<Void> stop() {
    return subscriber.close();
  }
}
