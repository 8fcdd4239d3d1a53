package org.domainregistry.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.domainregistry.registry.DomainRegistry;

/**
 * Heap bytes per dynamic domain of a {@link DomainRegistry} filled with 1 000 000 domains, the
 * domain strings included: used heap after full collections, compared with a baseline taken
 * before any of the strings existed. Also splits the figure into the strings, the domain → host
 * type map and the host-type index by building the first two alone.
 * Usage: {@code RegistryMemoryFootprint [domainCount]}.
 */
public final class RegistryMemoryFootprint {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private RegistryMemoryFootprint() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : BenchDomains.COUNT;
    System.out.printf("JVM %s %s, GC %s, max heap %d MB, %d domains over %s%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).collect(Collectors.joining("+")),
        Runtime.getRuntime().maxMemory() >> 20, n, BenchDomains.HOST_TYPES);

    double strings = stringsOnly(n);
    double map = plainMap(n) - strings;
    double registry = registry(n);
    System.out.printf("registry, strings included: %6.1f B/domain (%.1f MB)%n", registry, registry * n / 1e6);
    System.out.printf("  domain strings:           %6.1f B/domain%n", strings);
    System.out.printf("  domain -> host type map:  %6.1f B/domain%n", map);
    System.out.printf("  host-type index:          %6.1f B/domain%n", registry - strings - map);
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

  private static double plainMap(int n) {
    long before = usedAfterGc();
    Map<String, String> map = new ConcurrentHashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(BenchDomains.name('d', i), BenchDomains.hostType(i));
    }
    long after = usedAfterGc();
    check(map.size(), n);
    return (double) (after - before) / n;
  }

  private static double registry(int n) {
    long before = usedAfterGc();
    DomainRegistry registry = new DomainRegistry(Map.of("localhost", "localhost"), BenchDomains.HOST_TYPES);
    for (int i = 0; i < n; i++) {
      registry.putDynamic(BenchDomains.name('d', i), BenchDomains.hostType(i));
    }
    long after = usedAfterGc();
    check(registry.dynamicSize(), n);
    return (double) (after - before) / n;
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
