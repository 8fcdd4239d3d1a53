package org.domainregistry.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.domainregistry.bus.Addresses;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestCluster;

/**
 * Event-bus lookup throughput (issue 13, target 1): a sibling verticle keeps 64 requests to
 * {@code domains.get_host_type} in flight over random domains of N and, in the same run, the same
 * verticle against its ceiling: a bare consumer on the node's Vert.x answering the same JSON from a
 * {@code HashMap}, deployed as a verticle like the registry's bus verticle. Two paths, each with
 * alternating rounds: the verticle deployed in the node's own Vert.x (local delivery), and in a
 * second clustered Vert.x (a sibling service's process, over Hazelcast and the event bus's TCP).
 * Arguments: domains (default 1 000 000), seconds per round (10), rounds (3).
 */
public final class EventBusLookupBenchmark {
  private static final String ECHO = "bench.lookup_echo";
  private static final int IN_FLIGHT = 64;

  private EventBusLookupBenchmark() {}

  public static void main(String[] args) {
    int domains = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (TestCluster cluster = new TestCluster(BenchDatabase.create(domains), 1)
        .start(Map.of("sync", Map.of("page_size", 10_000)))) {
      Node node = cluster.node(0);
      Map<String, String> hostTypes = new HashMap<>(domains * 2);
      for (int i = 1; i <= domains; i++) {
        hostTypes.put(BenchDatabase.name(i), BenchDatabase.hostType(i));
      }
      Await.result(node.vertx().deployVerticle(new Echo(hostTypes)));
      System.out.printf("event-bus lookup over %,d domains, %d requests in flight, %d s rounds (warm-up first)%n",
          domains, IN_FLIGHT, seconds);
      compare("in the node's Vert.x", node.vertx(), domains, seconds, rounds);
      compare("from a clustered sibling Vert.x", cluster.joinSibling(), domains, seconds, rounds);
    }
    System.exit(0);
  }

  private static void compare(String path, Vertx sibling, int domains, int seconds, int rounds) {
    run(sibling, ECHO, domains, Math.max(3, seconds / 2));
    run(sibling, Addresses.GET_HOST_TYPE, domains, Math.max(3, seconds / 2));
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      Wrk.Result ceiling = run(sibling, ECHO, domains, seconds);
      Wrk.Result measured = run(sibling, Addresses.GET_HOST_TYPE, domains, seconds);
      ratios.add(measured.perSecond() / ceiling.perSecond());
      System.out.printf("%s, round %d: bare echo %s | registry %s | ratio %.2f%n", path, round, ceiling, measured,
          ratios.get(round - 1));
    }
    ratios.sort(null);
    System.out.printf("%s: median of the rounds' ratios %.2f (target >= 0.8)%n", path, ratios.get(ratios.size() / 2));
  }

  private static Wrk.Result run(Vertx vertx, String address, int domains, int seconds) {
    Promise<Wrk.Result> done = Promise.promise();
    String id = Await.result(vertx.deployVerticle(new LookupLoad(address, domains, seconds, done)));
    Wrk.Result result = Await.result(done.future());
    Await.result(vertx.undeploy(id));
    return result;
  }

  /** The ceiling: a verticle on the node's Vert.x (as the registry's bus verticle is) answering from a map. */
  private static final class Echo extends VerticleBase {
    private final Map<String, String> hostTypes;

    Echo(Map<String, String> hostTypes) {
      this.hostTypes = hostTypes;
    }

    @Override
    public Future<?> start() {
      return vertx.eventBus().<JsonObject>consumer(ECHO, message -> {
        String domain = message.body().getString("domain");
        message.reply(new JsonObject().put("domain", domain).put("host_type", hostTypes.get(domain)));
      }).completion();
    }
  }

  /** The sibling verticle: {@value #IN_FLIGHT} requests outstanding until the time is up. */
  private static final class LookupLoad extends VerticleBase {
    private final String address;
    private final int domains;
    private final long endNanos;
    private final Promise<Wrk.Result> done;
    private final long[] micros = new long[100_001];
    private final SplittableRandom random = new SplittableRandom(13);
    private long started;
    private long completed;
    private long errors;
    private int outstanding;

    LookupLoad(String address, int domains, int seconds, Promise<Wrk.Result> done) {
      this.address = address;
      this.domains = domains;
      this.endNanos = System.nanoTime() + seconds * 1_000_000_000L;
      this.done = done;
    }

    @Override
    public Future<?> start() {
      started = System.nanoTime();
      for (int i = 0; i < IN_FLIGHT; i++) {
        send();
      }
      return Future.succeededFuture();
    }

    private void send() {
      outstanding++;
      long sent = System.nanoTime();
      JsonObject body = new JsonObject().put("domain", BenchDatabase.name(1 + random.nextInt(domains)));
      vertx.eventBus().<JsonObject>request(address, body).onComplete(reply -> {
        long now = System.nanoTime();
        outstanding--;
        if (reply.succeeded() && reply.result().body().getString("host_type") != null) {
          completed++;
          micros[(int) Math.min(micros.length - 1, (now - sent) / 1000)]++;
        } else {
          errors++;
        }
        if (now < endNanos) {
          send();
        } else if (outstanding == 0) {
          done.complete(new Wrk.Result(completed * 1e9 / (now - started), quantileMs(0.50), quantileMs(0.99), errors));
        }
      });
    }

    private double quantileMs(double quantile) {
      long target = (long) Math.ceil(quantile * completed);
      long seen = 0;
      for (int us = 0; us < micros.length; us++) {
        seen += micros[us];
        if (seen >= target) {
          return us / 1000.0;
        }
      }
      return micros.length / 1000.0;
    }
  }
}
