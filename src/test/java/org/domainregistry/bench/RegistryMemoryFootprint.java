package org.domainregistry.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.RegistryReload;

/**
 * Heap bytes per dynamic domain of a {@link DomainRegistry} filled with N domains (default
 * 1 000 000), everything the registry holds included (it keeps no {@code String} per domain): used
 * heap after full collections, compared with a baseline taken before. For comparison, the same
 * pairs in a plain {@code ConcurrentHashMap} with their strings, and the strings alone. Then an
 * initial load (a reload into an empty registry, in random order, as a snapshot's id order is) is
 * timed, and in the same run lookups of the loaded registry are timed against the ceiling, a bare
 * {@code ConcurrentHashMap.get} over the same names. Usage: {@code RegistryMemoryFootprint [domainCount]}.
 */
public final class RegistryMemoryFootprint {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final int LOOKUPS = 2_000_000;
  private static final int ROUNDS = 7;

  private RegistryMemoryFootprint() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : BenchDomains.COUNT;
    System.out.printf("JVM %s %s, GC %s, max heap %d MB, %d domains over %s%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).collect(Collectors.joining("+")),
        Runtime.getRuntime().maxMemory() >> 20, n, BenchDomains.HOST_TYPES);

    double strings = stringsOnly(n);
    double map = plainMap(n);
    double registry = registry(n);
    System.out.printf("registry, host-type index included: %6.1f B/domain (%.1f MB)%n", registry, registry * n / 1e6);
    System.out.printf("  for comparison, ConcurrentHashMap with its strings: %6.1f B/domain (strings alone %.1f)%n",
        map, strings);

    int[] order = shuffled(n);
    long before = usedAfterGc();
    long start = System.nanoTime();
    DomainRegistry loaded = empty();
    RegistryReload reload = loaded.startReload();
    for (int i : order) {
      reload.put(BenchDomains.name('d', i), BenchDomains.hostType(i));
    }
    reload.finish(1);
    double seconds = (System.nanoTime() - start) / 1e9;
    check(loaded.dynamicSize(), n);
    System.out.printf("initial load in random order (reload into an empty registry): %.2f s, %.1f B/domain%n",
        seconds, (double) (usedAfterGc() - before) / n);
    lookups(loaded, n);
  }

  private static void lookups(DomainRegistry registry, int n) {
    double[] ns = lookupNanos(registry, n);
    System.out.printf("lookups, 1 thread, median of %d rounds of %d distinct query strings (hash cached after round 1):%n",
        ROUNDS, LOOKUPS);
    System.out.printf("  ceiling, bare ConcurrentHashMap.get: %6.1f ns = %5.2f M lookups/s%n", ns[0], 1e3 / ns[0]);
    System.out.printf("  registry hostTypeOf:                 %6.1f ns = %5.2f M lookups/s (%.2f of the ceiling)%n",
        ns[1], 1e3 / ns[1], ns[0] / ns[1]);
  }

  /**
   * Median nanoseconds per lookup on one thread of 2 000 000 random names of the
   * {@code n} in {@code registry}: {bare ConcurrentHashMap of the same pairs, registry}.
   */
  static double[] lookupNanos(DomainRegistry registry, int n) {
    Map<String, String> raw = new ConcurrentHashMap<>();
    for (int i = 0; i < n; i++) {
      raw.put(BenchDomains.name('d', i), BenchDomains.hostType(i));
    }
    SplittableRandom random = new SplittableRandom(3);
    String[] queries = new String[LOOKUPS]; // at small n, a name recurs as distinct strings
    for (int i = 0; i < queries.length; i++) {
      queries[i] = BenchDomains.name('d', random.nextInt(n));
    }
    double[] rawNs = new double[ROUNDS];
    double[] registryNs = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      rawNs[round] = time(queries, raw::get);
      registryNs[round] = time(queries, registry::hostTypeOf);
    }
    return new double[] {median(rawNs), median(registryNs)};
  }

  private static double time(String[] names, Function<String, Object> lookup) {
    int found = 0;
    long start = System.nanoTime();
    for (String name : names) {
      if (lookup.apply(name) != null) {
        found++;
      }
    }
    long elapsed = System.nanoTime() - start;
    check(found, names.length);
    return (double) elapsed / names.length;
  }

  private static double stringsOnly(int n) {
    long before = usedAfterGc();
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = BenchDomains.name('d', i);
    }
    long after = usedAfterGc();
    long arrayBytes = align(16L + 4L * keys.length);
    return (double) (after - before - arrayBytes) / n;
  }

  /** Heap bytes per pair of a {@code ConcurrentHashMap} of {@code n} domains with their strings. */
  static double plainMap(int n) {
    long before = usedAfterGc();
    Map<String, String> map = new ConcurrentHashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(BenchDomains.name('d', i), BenchDomains.hostType(i));
    }
    long after = usedAfterGc();
    check(map.size(), n);
    return (double) (after - before) / n;
  }

  /** Heap bytes per domain of a registry of {@code n} domains. */
  static double registry(int n) {
    long before = usedAfterGc();
    DomainRegistry registry = filled(n);
    long after = usedAfterGc();
    check(registry.dynamicSize(), n);
    return (double) (after - before) / n;
  }

  /** A registry of the domains {@code d0} … {@code d(n-1)}. */
  static DomainRegistry filled(int n) {
    DomainRegistry registry = empty();
    for (int i = 0; i < n; i++) {
      registry.putDynamic(BenchDomains.name('d', i), BenchDomains.hostType(i));
    }
    return registry;
  }

  private static DomainRegistry empty() {
    return new DomainRegistry(Map.of("localhost", "localhost"), BenchDomains.HOST_TYPES);
  }

  private static int[] shuffled(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(1);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void check(int size, int n) {
    if (size != n) {
      throw new IllegalStateException("expected " + n + " entries, found " + size);
    }
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
