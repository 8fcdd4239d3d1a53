package org.domainregistry.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on the channel the events trigger NOTIFYs, so that rows written by anyone (another
 * cluster, plain SQL, a MongooseIM node) are seen at once, and hands each notification to its
 * callback. After every (re)connection it hands on an empty notification: look now, since
 * notifications sent while disconnected are lost (the poll reads their events all the same; only a
 * row given a low id by hand during a disconnection waits for the next full reload).
 *
 * <p>The connection is the node's own (a one-connection pool, so that it gets TCP keepalive, which
 * {@code PgSubscriber} cannot set) and is checked every {@code checkMs} by a liveness query that must
 * answer within {@code checkMs}: a half-open connection (a peer gone without a FIN or RST) never
 * answers, and is then closed and replaced, with backoff, by one that LISTENs again. Vert.x 5.0.7
 * exposes no keepalive idle, interval or count on the client side (the kernel's 2 h idle applies),
 * so the liveness query is what notices a dead peer; the server is asked to probe this connection
 * every few seconds ({@code tcp_keepalives_*}) so that it frees the backend of a node gone for good.
 */
final class PgEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(PgEventListener.class);
  private static final long FIRST_RETRY_MS = 250;
  private static final long MAX_RETRY_MS = 5000;
  private final Vertx vertx;
  private final PgConnectOptions options;
  private final long checkMs;
  private final Consumer<String> onEvent;
  private final ListenState state = new ListenState();
  private Pool pool;
  private PgConnection connection;
  private boolean everListened;
  private boolean checking;
  private boolean stopped;
  private long lostAt;
  private long checkTimer;

  PgEventListener(Vertx vertx, PgConnectOptions options, long checkMs, Consumer<String> onEvent) {
    this.vertx = vertx;
    this.options = new PgConnectOptions(options)
        .addProperty("application_name", "domain-registry-listen")
        .addProperty("tcp_keepalives_idle", "10")
        .addProperty("tcp_keepalives_interval", "5")
        .addProperty("tcp_keepalives_count", "3");
    this.checkMs = checkMs;
    this.onEvent = onEvent;
  }

  /** Whether the connection listens now and how often it was replaced. */
  ListenState state() {
    return state;
  }

  /** Connects, retrying in the background until the database answers. */
  Future<Void> start() {
    checkTimer = vertx.setPeriodic(checkMs, id -> check());
    connect(FIRST_RETRY_MS);
    return Future.succeededFuture();
  }

  private void connect(long retryMs) {
    if (stopped) {
      return;
    }
    Pool candidate = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(1).setName("domain-registry-listen"))
        .with(new NetClientOptions().setTcpKeepAlive(true))
        .connectingTo(options)
        .using(vertx)
        .build();
    candidate.getConnection().map(PgConnection::cast).compose(pg -> {
      pg.notificationHandler(notification -> onEvent.accept(notification.getPayload()));
      pg.closeHandler(x -> lost(pg, "closed by the server or the network"));
      return pg.query(Sql.LISTEN).execute().map(pg);
    }).onSuccess(pg -> listening(candidate, pg)).onFailure(cause -> {
      candidate.close();
      LOG.debug("LISTEN connection not made, retrying in {} ms: {}", retryMs, cause.getMessage());
      vertx.setTimer(retryMs, id -> connect(Math.min(MAX_RETRY_MS, retryMs * 2)));
    });
  }

  private void listening(Pool candidate, PgConnection pg) {
    if (stopped) {
      candidate.close();
      return;
    }
    pool = candidate;
    connection = pg;
    boolean again = everListened;
    everListened = true;
    state.listened(again);
    if (again) {
      LOG.info("Listening for event notifications on channel {} again, {} ms after the connection was found dead"
          + " (reconnect {}); polling now", Sql.EVENT_CHANNEL, System.currentTimeMillis() - lostAt, state.reconnects());
    } else {
      LOG.info("Listening for event notifications on channel {}", Sql.EVENT_CHANNEL);
    }
    onEvent.accept("");
  }

  private void check() {
    PgConnection pg = connection;
    if (pg == null || checking) {
      return;
    }
    checking = true;
    pg.query(Sql.LIVENESS).execute().timeout(checkMs, TimeUnit.MILLISECONDS).onComplete(result -> {
      checking = false;
      if (result.failed()) {
        lost(pg, "liveness query failed or took over " + checkMs + " ms: " + result.cause().getMessage());
      }
    });
  }

  private void lost(PgConnection pg, String why) {
    if (pg != connection) {
      return;
    }
    Pool dead = pool;
    connection = null;
    pool = null;
    state.lost();
    lostAt = System.currentTimeMillis();
    LOG.warn("LISTEN connection on channel {} found dead ({}); reconnecting, the poll covers what it misses meanwhile",
        Sql.EVENT_CHANNEL, why);
    dead.close();
    connect(FIRST_RETRY_MS);
  }

  Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(checkTimer);
    connection = null;
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
