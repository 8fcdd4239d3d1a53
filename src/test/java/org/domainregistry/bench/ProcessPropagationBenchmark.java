package org.domainregistry.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.domainregistry.support.Await;
import org.domainregistry.support.NodeProcess;
import org.domainregistry.support.PacketFilter;
import org.domainregistry.support.TestDatabase;

/**
 * Propagation across 3 node processes under load (issue 13, target 5): {@code PUT} writes at a
 * steady rate (default 1 000/s, round-robin over the nodes, 32 senders), each write's arrival read
 * on every node's {@code /api/events/stream}; acknowledged → visible on every node (the writer
 * counts at its acknowledgement: read-your-writes). Ceiling in the same run: the write's NOTIFY
 * reaching a bare {@code LISTEN} connection in this JVM (the earliest another process can learn of
 * it from PostgreSQL). Then the same with every nudge dropped (iptables on the event-bus ports, the
 * NOTIFY trigger disabled), all writes on node 0: the other nodes see them by polling only.
 * Arguments: writes (default 10 000), rate per second (1 000), writing nodes (3). System properties:
 * {@code propagation.unfollowed} times the writes only; {@code propagation.keep_nudges} leaves the
 * event bus alone in the second phase (NOTIFY off only). Needs root and iptables.
 */
public final class ProcessPropagationBenchmark {
  private static final HttpClient STREAMS = HttpClient.newHttpClient();
  private static final int SENDERS = 32;
  /** {@code propagation.unfollowed}: time the writes only, without reading the nodes' streams. */
  private static final boolean FOLLOW = !Boolean.getBoolean("propagation.unfollowed");

  private ProcessPropagationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int writes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int writers = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String db = TestDatabase.createDatabase();
    Vertx vertx = Vertx.vertx();
    Map<String, Long> notified = new ConcurrentHashMap<>();
    PgConnection listener = Await.result(PgConnection.connect(vertx, PgConnectOptions.fromUri(db)));
    listener.notificationHandler(n -> notified.putIfAbsent(n.getPayload().substring(n.getPayload().indexOf(' ') + 1),
        System.nanoTime()));
    Await.result(listener.query("LISTEN domain_events").execute());
    try (NodeProcesses cluster = NodeProcesses.start(db, 3, "", i -> List.of())) {
      List<Map<String, Long>> seen = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>());
      for (int i = 0; i < 3 && FOLLOW; i++) {
        follow(cluster.node(i), seen.get(i));
      }
      System.out.printf("3 node processes, %,d writes at %,d/s round-robin over %d of them, %d senders%n",
          writes, rate, writers, SENDERS);
      run(cluster, "warm-up", Math.max(1000, writes / 10), rate, writers, seen, notified);
      report(run(cluster, "nudged", writes, rate, writers, seen, notified), true);
      setNotify(vertx, db, false);
      boolean cutBus = !Boolean.getBoolean("propagation.keep_nudges");
      try (PacketFilter deaf = cutBus ? new PacketFilter().dropPort(cluster.eventBusPorts()[0])
          .dropPort(cluster.eventBusPorts()[1]).dropPort(cluster.eventBusPorts()[2]) : new PacketFilter()) {
        System.out.printf("%s, NOTIFY trigger off, writes on node 0 only, sync.poll_interval_ms 1000%n",
            cutBus ? "every nudge dropped (event-bus ports " + Arrays.toString(cluster.eventBusPorts()) + " cut)"
                : "nudges kept");
        report(run(cluster, "deaf", Math.max(1000, writes / 5), rate, 1, seen, notified), false);
      } finally {
        setNotify(vertx, db, true);
      }
    } finally {
      Await.result(vertx.close());
    }
    System.exit(0);
  }

  /** Acknowledgement and arrival times of one phase's writes, in nanoseconds. */
  private record Phase(String name, long[] sent, long[] acked, int[] writer, long[][] arrived, long[] notified, double rate) {}

  private static Phase run(NodeProcesses cluster, String name, int writes, int rate, int writers,
                           List<Map<String, Long>> seen, Map<String, Long> notified) throws InterruptedException {
    long[] sent = new long[writes];
    long[] acked = new long[writes];
    int[] writer = new int[writes];
    long start = System.nanoTime() + 100_000_000L;
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      senders.execute(() -> {
        for (int w = sender; w < writes; w += SENDERS) {
          long due = start + w * 1_000_000_000L / rate;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            sleepNanos(wait); // the load's pacing, not a wait for propagation
          }
          writer[w] = w % writers;
          NodeProcess node = cluster.node(writer[w]);
          sent[w] = System.nanoTime();
          HttpResponse<String> put = node.send("PUT", "/api/domains/" + domain(name, w), "{\"host_type\":\"type1\"}");
          acked[w] = System.nanoTime();
          if (put.statusCode() != 204) {
            throw new IllegalStateException("PUT answered " + put.statusCode() + " " + put.body());
          }
        }
      });
    }
    senders.shutdown();
    senders.awaitTermination(1, TimeUnit.HOURS);
    double achieved = writes * 1e9 / (Arrays.stream(acked).max().orElseThrow() - start);
    if (!FOLLOW) {
      System.out.printf("%s: %,d writes, the PUT itself: %s (streams not followed)%n", name, writes,
          quantiles(IntStream.range(0, writes).mapToLong(w -> acked[w] - sent[w]).toArray()));
      return null;
    }
    Await.until("every write of " + name + " seen on every node", Duration.ofSeconds(60),
        () -> IntStream.range(0, writes).allMatch(w -> seen.stream().allMatch(node -> node.containsKey(domain(name, w)))));
    long[][] arrived = new long[3][writes];
    long[] notifiedAt = new long[writes];
    for (int w = 0; w < writes; w++) {
      for (int n = 0; n < 3; n++) {
        arrived[n][w] = seen.get(n).get(domain(name, w));
      }
      notifiedAt[w] = notified.getOrDefault(domain(name, w), 0L);
    }
    return new Phase(name, sent, acked, writer, arrived, notifiedAt, achieved);
  }

  /** Prints a phase's figures; nothing for a phase run without following the streams (null). */
  private static void report(Phase phase, boolean withCeiling) {
    if (phase == null) {
      return;
    }
    int writes = phase.acked().length;
    long[] visible = new long[writes];
    long[] ceiling = new long[writes];
    long[] write = new long[writes];
    for (int w = 0; w < writes; w++) {
      write[w] = phase.acked()[w] - phase.sent()[w];
      long last = phase.acked()[w];
      for (int n = 0; n < 3; n++) {
        if (n != phase.writer()[w]) {
          last = Math.max(last, phase.arrived()[n][w]);
        }
      }
      visible[w] = last - phase.acked()[w];
      ceiling[w] = Math.max(0, phase.notified()[w] - phase.acked()[w]);
    }
    System.out.printf("%s: %,d writes at %,.0f/s; the PUT itself: %s%n", phase.name(), writes, phase.rate(),
        quantiles(write));
    System.out.printf("%s: acknowledged -> visible on all 3 nodes: %s%n", phase.name(), quantiles(visible));
    if (withCeiling) {
      System.out.printf("%s: ceiling, acknowledged -> NOTIFY at a bare LISTEN in another process: %s%n", phase.name(),
          quantiles(ceiling));
    }
  }

  private static String quantiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", PropagationBenchmark.ms(sorted, 0.50),
        PropagationBenchmark.ms(sorted, 0.90), PropagationBenchmark.ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
  }

  /** Reads the node's event stream from its current end, noting when each domain first arrives. */
  private static void follow(NodeProcess node, Map<String, Long> seen) {
    HttpRequest request = HttpRequest.newBuilder(node.uri("/api/events/stream?after="
        + new JsonObject(node.get("/api/sync").body()).getLong("applied_event_id"))).build();
    STREAMS.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
        .filter(line -> line.startsWith("data:"))
        .forEach(line -> {
          long now = System.nanoTime();
          seen.putIfAbsent(new JsonObject(line.substring(5).trim()).getString("domain"), now);
        }));
  }

  private static void setNotify(Vertx vertx, String db, boolean on) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(db)).using(vertx).build();
    Await.result(pool.query("ALTER TABLE domain_events " + (on ? "ENABLE" : "DISABLE")
        + " TRIGGER domain_events_notify").execute());
    Await.result(pool.close());
  }

  private static String domain(String phase, int write) {
    return phase + "-" + write + ".example";
  }

  private static void sleepNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
