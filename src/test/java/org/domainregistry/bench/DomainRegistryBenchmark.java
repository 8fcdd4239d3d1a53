package org.domainregistry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.domainregistry.registry.DomainRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Read throughput of {@link DomainRegistry} holding 1 000 000 dynamic domains over four host
 * types. Lookups reach the registry's entries in random order with query strings that are
 * distinct instances from its keys, as a parsed request's would be, so every hit compares the
 * characters; unlike a fresh request, a query string caches its hash after its first use.
 * Setup ends with a full collection so that no iteration pays for promoting the million
 * entries. The heap is touched in advance: on this VM the first touch of a page is so slow that an
 * allocating benchmark ran 5–8 times slower until the young generation had cycled through the
 * whole heap. JMH reports the sum over all threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DomainRegistryBenchmark {
  static final String SMALL_TYPE = "small";
  static final int SMALL_DYNAMIC = 100;

  /** The registry, plus 100 dynamic and 2 static domains of a small host type. */
  @State(Scope.Benchmark)
  public static class Filled {
    DomainRegistry registry;
    String[] hits;
    String[] misses;
    String smallType;

    @Setup
    public void fill() {
      List<String> allowed = new ArrayList<>(BenchDomains.HOST_TYPES);
      allowed.add(SMALL_TYPE);
      registry = new DomainRegistry(
          Map.of("localhost", "localhost", "static1.small.example.com", SMALL_TYPE,
              "static2.small.example.com", SMALL_TYPE),
          allowed);
      for (int i = 0; i < BenchDomains.COUNT; i++) {
        registry.putDynamic(BenchDomains.name('d', i), BenchDomains.hostType(i));
      }
      for (int i = 0; i < SMALL_DYNAMIC; i++) {
        registry.putDynamic(BenchDomains.name('s', i), SMALL_TYPE);
      }
      hits = queries('d', new SplittableRandom(1));
      misses = queries('m', new SplittableRandom(2));
      smallType = new String(SMALL_TYPE.toCharArray());
      System.gc();
    }
  }

  /** Each thread walks the query arrays from its own random offset. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup
    public void start() {
      next = new SplittableRandom().nextInt(BenchDomains.COUNT);
    }

    int advance() {
      int i = next;
      next = i + 1 == BenchDomains.COUNT ? 0 : i + 1;
      return i;
    }
  }

  /**
   * All {@code COUNT} names with this prefix in a random order, each a new instance created in
   * walking order, so a query string sits in cache as a just-parsed request's would while the
   * registry's entries are reached in random order.
   */
  private static String[] queries(char prefix, SplittableRandom random) {
    int[] order = new int[BenchDomains.COUNT];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    String[] queries = new String[order.length];
    for (int i = 0; i < order.length; i++) {
      queries[i] = BenchDomains.name(prefix, order[i]);
    }
    return queries;
  }

  @Benchmark
  @Threads(1)
  public String hostTypeOfHit1Thread(Filled state, Cursor cursor) {
    return state.registry.hostTypeOf(state.hits[cursor.advance()]);
  }

  @Benchmark
  @Threads(2)
  public String hostTypeOfHit2Threads(Filled state, Cursor cursor) {
    return state.registry.hostTypeOf(state.hits[cursor.advance()]);
  }

  @Benchmark
  @Threads(1)
  public String hostTypeOfMiss1Thread(Filled state, Cursor cursor) {
    return state.registry.hostTypeOf(state.misses[cursor.advance()]);
  }

  @Benchmark
  @Threads(2)
  public String hostTypeOfMiss2Threads(Filled state, Cursor cursor) {
    return state.registry.hostTypeOf(state.misses[cursor.advance()]);
  }

  @Benchmark
  @Threads(1)
  public List<String> domainsByHostTypeSmall(Filled state) {
    return state.registry.domainsByHostType(state.smallType);
  }
}
