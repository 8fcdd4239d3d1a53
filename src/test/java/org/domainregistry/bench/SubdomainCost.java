package org.domainregistry.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.SubdomainPattern;

/**
 * What subdomain patterns cost at 1 000 000 domains (README "Benchmarks"): heap per domain of a
 * registry without patterns and with 3 {@code prefix.@HOST@} patterns, and in the same run the time
 * of a subdomain lookup against a domain lookup and against the ceiling, a bare
 * {@code ConcurrentHashMap} read. Lookups use fresh string copies (hash not cached), as a name
 * arriving from the network is. Usage: {@code SubdomainCost [domainCount]}.
 */
public final class SubdomainCost {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final List<String> PREFIXES = List.of("muc.", "pubsub.", "upload.");
  private static final int LOOKUPS = 1_000_000;
  private static final int ROUNDS = 7;
  private static volatile Object sink;

  private SubdomainCost() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : BenchDomains.COUNT;
    System.out.printf("JVM %s %s, max heap %d MB, %d domains, patterns %s over every host type%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, n, PREFIXES);
    heapPerDomain(n, false); // warms up the JIT and the heap, so both figures below are taken alike
    double without = heapPerDomain(n, false);
    double with = heapPerDomain(n, true);
    System.out.printf("heap without patterns: %6.1f B/domain%n", without);
    System.out.printf("heap with 3 patterns:  %6.1f B/domain (%+.1f)%n", with, with - without);

    DomainRegistry registry = filled(n, true);
    Map<String, String> raw = new ConcurrentHashMap<>();
    for (int i = 0; i < n; i++) {
      raw.put(BenchDomains.name('d', i), BenchDomains.hostType(i));
    }
    String[] domains = new String[LOOKUPS];
    String[] subdomains = new String[LOOKUPS];
    for (int i = 0; i < LOOKUPS; i++) {
      int d = (int) ((i * 2_654_435_761L) % n);
      domains[i] = BenchDomains.name('d', d);
      subdomains[i] = PREFIXES.get(i % PREFIXES.size()) + BenchDomains.name('d', d);
    }
    double[] rawNs = new double[ROUNDS];
    double[] domainNs = new double[ROUNDS];
    double[] subdomainNs = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      rawNs[round] = time(domains, name -> raw.get(name));
      domainNs[round] = time(domains, registry::hostTypeOf);
      subdomainNs[round] = time(subdomains, registry::findSubdomain);
    }
    double rawMedian = median(rawNs);
    double domainMedian = median(domainNs);
    double subdomainMedian = median(subdomainNs);
    System.out.printf("ceiling, bare map get:   %6.1f ns/lookup%n", rawMedian);
    System.out.printf("domain lookup:           %6.1f ns/lookup%n", domainMedian);
    System.out.printf("subdomain lookup:        %6.1f ns/lookup (%.2fx a domain lookup)%n", subdomainMedian,
        subdomainMedian / domainMedian);
  }

  private static double heapPerDomain(int n, boolean patterns) {
    long before = usedAfterGc();
    DomainRegistry registry = filled(n, patterns);
    long after = usedAfterGc();
    sink = registry;
    double perDomain = (double) (after - before) / n;
    sink = null;
    return perDomain;
  }

  private static DomainRegistry filled(int n, boolean patterns) {
    DomainRegistry registry = new DomainRegistry(Map.of("localhost", "localhost"), BenchDomains.HOST_TYPES);
    if (patterns) {
      for (String prefix : PREFIXES) {
        registry.addSubdomainPattern(SubdomainPattern.parse(prefix + SubdomainPattern.HOST, BenchDomains.HOST_TYPES,
            "bench"), 0);
      }
    }
    for (int i = 0; i < n; i++) {
      registry.putDynamic(BenchDomains.name('d', i), BenchDomains.hostType(i));
    }
    if (registry.dynamicSize() != n) {
      throw new IllegalStateException("expected " + n + " domains, found " + registry.dynamicSize());
    }
    return registry;
  }

  /** Nanoseconds per lookup of fresh copies of {@code names} (copied before the clock starts). */
  private static double time(String[] names, java.util.function.Function<String, Object> lookup) {
    String[] fresh = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      fresh[i] = new String(names[i].toCharArray());
    }
    int found = 0;
    long start = System.nanoTime();
    for (String name : fresh) {
      if (lookup.apply(name) != null) {
        found++;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (found != names.length) {
      throw new IllegalStateException("only " + found + " of " + names.length + " names found");
    }
    return (double) elapsed / names.length;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
