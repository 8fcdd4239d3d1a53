package org.domainregistry.faults;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Concurrent clients, some on every node, each the only writer of its own domains: insert, enable,
 * disable, remove and request removal over real HTTP, retrying an operation whose outcome is
 * unknown until it is acknowledged. Every answer is recorded in the domain's {@link DomainHistory};
 * a refusal the history cannot explain is an anomaly.
 */
final class Workload {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<DomainHistory> histories = new ArrayList<>();
  private final Queue<String> anomalies = new ConcurrentLinkedQueue<>();
  private final Queue<String> anomalous = new ConcurrentLinkedQueue<>();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger acknowledgedDuringFaults = new AtomicInteger();
  private final List<Thread> clients = new ArrayList<>();
  private volatile boolean stopped;
  private volatile boolean faultActive;
  private final long startedAt = System.nanoTime();

  /**
   * Starts {@code clientsPerNode} clients per node, each with {@code domainsPerClient} domains
   * named after {@code prefix}; {@code nodeUri} gives a node's base URI.
   */
  Workload(String prefix, int nodes, int clientsPerNode, int domainsPerClient, long seed,
           IntFunction<java.net.URI> nodeUri) {
    for (int node = 0; node < nodes; node++) {
      for (int c = 0; c < clientsPerNode; c++) {
        List<DomainHistory> mine = new ArrayList<>();
        for (int d = 0; d < domainsPerClient; d++) {
          mine.add(new DomainHistory(prefix + "-n" + node + "c" + c + "d" + d + ".fault.example"));
        }
        histories.addAll(mine);
        Random random = new Random(seed * 31 + node * 7L + c);
        java.net.URI base = nodeUri.apply(node);
        Thread client = new Thread(() -> run(base, mine, random), "fault-client-" + node + "-" + c);
        clients.add(client);
        client.start();
      }
    }
  }

  /** Whether answers now count as acknowledged during a fault. */
  void faultActive(boolean active) {
    faultActive = active;
  }

  /** Stops the clients after their current operation (an unknown outcome then stays unknown). */
  void stop() throws InterruptedException {
    stopped = true;
    for (Thread client : clients) {
      client.join(30_000);
    }
  }

  List<DomainHistory> histories() {
    return histories;
  }

  List<String> anomalies() {
    return List.copyOf(anomalies);
  }

  /** The domains an anomaly was found on. */
  List<String> anomalousDomains() {
    return List.copyOf(anomalous);
  }

  int acknowledged() {
    return acknowledged.get();
  }

  int acknowledgedDuringFaults() {
    return acknowledgedDuringFaults.get();
  }

  private void run(java.net.URI base, List<DomainHistory> mine, Random random) {
    while (!stopped) {
      DomainHistory domain = mine.get(random.nextInt(mine.size()));
      perform(base, domain, Operation.next(domain.known(), random));
      pause(20 + random.nextInt(60));
    }
  }

  private void perform(java.net.URI base, DomainHistory domain, Operation operation) {
    while (!stopped) {
      int status;
      String body;
      try {
        HttpResponse<String> response = HTTP.send(operation.request(base, domain.domain())
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        body = response.body();
      } catch (IOException e) {
        status = 0;
        body = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      String what = operation + " " + (status == 0 ? body : String.valueOf(status)) + " at " + elapsedMillis() + " ms";
      if (operation.acknowledgedBy(status)) {
        domain.acknowledged(operation.target(status, body), what);
        acknowledged.incrementAndGet();
        if (faultActive) {
          acknowledgedDuringFaults.incrementAndGet();
        }
        return;
      }
      if (status == 0 || status >= 500) {
        domain.unknown(operation.target(status, body), what);
        pause(200);
        continue;
      }
      domain.note(what);
      anomalies.add(operation + " answered " + status + " " + body + " on " + domain);
      anomalous.add(domain.domain());
      return;
    }
  }

  private long elapsedMillis() {
    return (System.nanoTime() - startedAt) / 1_000_000;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis); // a client's think time between its own requests, not a wait for propagation
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
