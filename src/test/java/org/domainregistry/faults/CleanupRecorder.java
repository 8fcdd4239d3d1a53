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
 * and records when each domain was cleaned; a call for a domain whose previous call has not
 * finished means two nodes ran its removal at once, an anomaly.
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
    calls.computeIfAbsent(domain, d -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    if (!running.add(domain)) {
      anomalies.add("cleanup of " + domain + " called while its previous call was running");
    }
    vertx.setTimer(10 + random.nextInt(40), id -> {
      running.remove(domain);
      message.reply(new JsonObject());
    });
  }

  /** Whether the handler was called for {@code domain} after {@code nanoTime}. */
  boolean calledAfter(String domain, long nanoTime) {
    return calls.getOrDefault(domain, List.of()).stream().anyMatch(at -> at > nanoTime);
  }

  List<String> anomalies() {
    return List.copyOf(anomalies);
  }
}
