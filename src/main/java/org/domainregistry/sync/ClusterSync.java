package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.domainregistry.registry.DomainError;
import org.domainregistry.store.IdRange;

/**
 * Cluster-wide read-your-writes and sync overview: asks every live node of the cluster (this one
 * alone when not clustered) over its own address.
 */
public final class ClusterSync {
  private final Vertx vertx;
  private final String nodeId;
  private final SyncStatus status;

  /** Cluster-wide waits and overviews of node {@code nodeId}, whose own state is {@code status}. */
  public ClusterSync(Vertx vertx, String nodeId, SyncStatus status) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.status = status;
  }

  /** The ids of the live nodes, sorted. */
  public List<String> liveNodes() {
    ClusterManager manager = ((VertxInternal) vertx).clusterManager();
    return manager == null ? List.of(nodeId) : new ArrayList<>(new TreeSet<>(manager.getNodes()));
  }

  /**
   * Completes once every live node has applied every event this node has applied, or fails with
   * {@code timeout} naming the nodes that had not.
   */
  public Future<Void> awaitAllApplied(Duration timeout) {
    long eventId = status.maxSeenEventId();
    return unconfirmed(timeout).compose(laggards -> laggards.isEmpty() ? Future.<Void>succeededFuture()
        : Future.failedFuture(DomainError.TIMEOUT.exception("Event " + eventId + " not applied within "
            + timeout.toMillis() + " ms on nodes: " + String.join(", ", laggards))));
  }

  /**
   * Asks every live node to confirm it has applied every event this node has applied; answers,
   * after at most {@code timeout}, the nodes that did not confirm (empty when all did).
   */
  public Future<List<String>> unconfirmed(Duration timeout) {
    long millis = Math.max(1, timeout.toMillis());
    JsonObject request = withExcept(new JsonObject().put("up_to", status.maxSeenEventId()), status.gapRanges())
        .put("timeout_ms", millis);
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(millis);
    List<String> nodes = liveNodes();
    List<Future<Object>> replies = new ArrayList<>();
    for (String node : nodes) {
      replies.add(vertx.eventBus().request(SyncAddresses.nodeAwaitApplied(node), request, options).map(x -> null)
          .recover(ClusterSync::leftOrStarting));
    }
    return Future.join(replies).otherwiseEmpty().map(x -> {
      List<String> laggards = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        if (replies.get(i).failed()) {
          laggards.add(nodes.get(i));
        }
      }
      return laggards;
    });
  }

  /**
   * Puts the ids the asking node still misses in a cluster-wait request: {@code except_ranges} as
   * {@code [from, to]} pairs, and the single missing ids also in {@code except}, the older form
   * (a node that reads only that excepts fewer ids: it waits longer, never less).
   */
  static JsonObject withExcept(JsonObject request, List<IdRange> missing) {
    JsonArray single = new JsonArray();
    JsonArray ranges = new JsonArray();
    for (IdRange range : missing) {
      ranges.add(new JsonArray().add(range.from()).add(range.to()));
      if (range.size() == 1) {
        single.add(range.from());
      }
    }
    return request.put("except", single).put("except_ranges", ranges);
  }

  /** The ids a cluster-wait request excepts, from either form. */
  static List<IdRange> exceptOf(JsonObject request) {
    List<IdRange> except = new ArrayList<>();
    request.getJsonArray("except", new JsonArray()).forEach(id -> {
      long single = ((Number) id).longValue();
      except.add(new IdRange(single, single));
    });
    request.getJsonArray("except_ranges", new JsonArray()).forEach(pair -> {
      JsonArray range = (JsonArray) pair;
      except.add(new IdRange(range.getLong(0), range.getLong(1)));
    });
    return except;
  }

  /**
   * No handler at a node's address: it has just left, or is starting and will load a snapshot
   * taken after this write. Either way it is no laggard.
   */
  private static Future<Object> leftOrStarting(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS
        ? Future.succeededFuture()
        : Future.failedFuture(failure);
  }

  /** The sync status of every live node; a node that does not answer in time is left out. */
  public Future<List<JsonObject>> statuses(Duration timeout) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(Math.max(1, timeout.toMillis()));
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (String node : liveNodes()) {
      replies.add(vertx.eventBus().<JsonObject>request(SyncAddresses.nodeSync(node), null, options)
          .map(reply -> reply.body()));
    }
    return Future.join(replies).otherwiseEmpty().map(x -> {
      List<JsonObject> answered = new ArrayList<>();
      replies.stream().filter(Future::succeeded).forEach(reply -> answered.add(reply.result()));
      return answered;
    });
  }
}
