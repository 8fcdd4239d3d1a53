package org.domainregistry.faults;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domainregistry.bus.Addresses;
import org.domainregistry.support.Await;

/**
 * A sibling service's cleanup handler on the clustered event bus that takes a little while per call
 * and records when each domain was cleaned. A call for a domain while another call of the same
 * attempt is running means two nodes ran one attempt of its removal at once, an anomaly; a call of
 * an attempt that timed out may still arrive late, next to its retry (README "Cleanup handler
 * protocol").
 */
final class CleanupRecorder {
  private static final String NAME = "fault-archive";
  private final Vertx vertx;
  private final String address = "sibling." + NAME + "." + System.nanoTime();
  private final Map<String, List<Long>> calls = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Queue<String> anomalies = new ConcurrentLinkedQueue<>();
  private final Random random = new Random(7);

  /** Consumes its address and registers it for {@code hostType}, renewing it every second. */
  CleanupRecorder(Vertx vertx, String hostType) {
    this.vertx = vertx;
    Await.result(vertx.eventBus().<JsonObject>consumer(address, this::clean).completion());
    JsonObject registration = new JsonObject().put("name", NAME).put("host_types", new JsonArray().add(hostType))
        .put("priority", 1).put("address", address);
    Await.result(vertx.eventBus().request(Addresses.CLEANUP_REGISTER, registration));
    vertx.setPeriodic(1_000, id -> vertx.eventBus().request(Addresses.CLEANUP_REGISTER, registration));
  }

  private void clean(Message<JsonObject> message) {
    String domain = message.body().getString("domain");
    String run = domain + " attempt " + message.body().getInteger("attempt");
    calls.computeIfAbsent(domain, d -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    if (!running.add(run)) {
      anomalies.add("cleanup of " + run + " called while another call of that attempt was running");
    }
    vertx.setTimer(10 + random.nextInt(40), id -> {
      running.remove(run);
      message.reply(new JsonObject());
    });
  }

  /** Whether the handler was called for {@code domain} after {@code nanoTime}. */
  boolean calledAfter(String domain, long nanoTime) {
    return calls.getOrDefault(domain, List.of()).stream().anyMatch(at -> at > nanoTime);
  }

  /** The anomalies found since the last call. */
  List<String> takeAnomalies() {
    List<String> found = new java.util.ArrayList<>();
    for (String anomaly = anomalies.poll(); anomaly != null; anomaly = anomalies.poll()) {
      found.add(anomaly);
    }
    return found;
  }
}
