package org.domainregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.domainregistry.registry.DomainRegistry.Change;
import org.junit.jupiter.api.Test;

class DomainRegistryTest {
  private static final String TYPE1 = "type1";
  private static final String TYPE2 = "type2";
  private static final String TYPE3 = "type3";
  private static final String STATIC = "static.example.com";

  /** Static: static.example.com → type1 (allowed), localhost → local (not allowed). */
  private final DomainRegistry registry = new DomainRegistry(
      Map.of(STATIC, TYPE1, "localhost", "local"), List.of(TYPE1, TYPE2, TYPE3));

  @Test
  void servesStaticDomainsFromTheConfiguration() {
    assertThat(registry.hostTypeOf(STATIC)).isEqualTo(TYPE1);
    assertThat(registry.hostTypeOf("localhost")).isEqualTo("local");
    assertThat(registry.isStatic(STATIC)).isTrue();
    assertThat(registry.isStatic("other.example.com")).isFalse();
    assertThat(registry.allStatic()).containsOnly(Map.entry(STATIC, TYPE1), Map.entry("localhost", "local"));
    assertThatThrownBy(() -> registry.allStatic().put("x.example.com", TYPE1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(registry.dynamicSize()).isZero();
  }

  @Test
  void staticDomainWinsOverDynamicUpdates() {
    assertThat(registry.putDynamic(STATIC, TYPE2)).isEqualTo(Change.IGNORED_STATIC);
    assertThat(registry.putDynamic(STATIC, TYPE1)).isEqualTo(Change.IGNORED_STATIC);
    assertThat(registry.removeDynamic(STATIC)).isEqualTo(Change.IGNORED_STATIC);
    registry.retainDynamic(domain -> false);

    assertThat(registry.hostTypeOf(STATIC)).isEqualTo(TYPE1);
    assertThat(registry.domainsByHostType(TYPE1)).containsExactly(STATIC);
    assertThat(registry.domainsByHostType(TYPE2)).isEmpty();
    assertThat(registry.dynamicSize()).isZero();
  }

  @Test
  void staticHostTypeOutsideTheAllowedListIsNeverUsableForDynamicDomains() {
    assertThat(registry.isAllowedHostType("local")).isFalse();
    assertThat(registry.putDynamic("a.example.com", "local")).isEqualTo(Change.IGNORED_HOST_TYPE);

    assertThat(registry.hostTypeOf("a.example.com")).isNull();
    assertThat(registry.domainsByHostType("local")).containsExactly("localhost");
    assertThat(registry.dynamicSize()).isZero();
  }

  @Test
  void unknownHostTypeIsIgnored() {
    assertThat(registry.isAllowedHostType("nope")).isFalse();
    assertThat(registry.isAllowedHostType(TYPE3)).isTrue();
    assertThat(registry.putDynamic("a.example.com", "nope")).isEqualTo(Change.IGNORED_HOST_TYPE);

    assertThat(registry.hostTypeOf("a.example.com")).isNull();
    assertThat(registry.domainsByHostType("nope")).isEmpty();
  }

  @Test
  void putWithAHostTypeNotAllowedTakesOutADomainThatIsIn() {
    registry.putDynamic("a.example.com", TYPE2);

    assertThat(registry.putDynamic("a.example.com", "nope")).isEqualTo(Change.REMOVED);
    assertThat(registry.hostTypeOf("a.example.com")).isNull();
    assertThat(registry.domainsByHostType(TYPE2)).isEmpty();
    assertThat(registry.dynamicSize()).isZero();
    assertThat(registry.putDynamic("a.example.com", "local")).isEqualTo(Change.IGNORED_HOST_TYPE);
  }

  @Test
  void putAddsAnEnabledDomainAndRepeatingItChangesNothing() {
    assertThat(registry.putDynamic("a.example.com", TYPE2)).isEqualTo(Change.ADDED);
    assertThat(registry.putDynamic("a.example.com", TYPE2)).isEqualTo(Change.NONE);

    assertThat(registry.hostTypeOf("a.example.com")).isEqualTo(TYPE2);
    assertThat(registry.isStatic("a.example.com")).isFalse();
    assertThat(registry.domainsByHostType(TYPE2)).containsExactly("a.example.com");
    assertThat(registry.dynamicSize()).isEqualTo(1);
  }

  @Test
  void hostTypeChangeMovesTheDomainBetweenIndexSets() {
    registry.putDynamic("a.example.com", TYPE2);
    registry.putDynamic("b.example.com", TYPE2);

    assertThat(registry.putDynamic("a.example.com", TYPE3)).isEqualTo(Change.CHANGED);

    assertThat(registry.hostTypeOf("a.example.com")).isEqualTo(TYPE3);
    assertThat(registry.domainsByHostType(TYPE2)).containsExactly("b.example.com");
    assertThat(registry.domainsByHostType(TYPE3)).containsExactly("a.example.com");
    assertThat(registry.dynamicSize()).isEqualTo(2);
  }

  @Test
  void removeTakesOutADisabledOrDeletedDomain() {
    registry.putDynamic("a.example.com", TYPE2);

    assertThat(registry.removeDynamic("a.example.com")).isEqualTo(Change.REMOVED);
    assertThat(registry.removeDynamic("a.example.com")).isEqualTo(Change.NONE);
    assertThat(registry.removeDynamic("never.example.com")).isEqualTo(Change.NONE);

    assertThat(registry.hostTypeOf("a.example.com")).isNull();
    assertThat(registry.domainsByHostType(TYPE2)).isEmpty();
    assertThat(registry.putDynamic("a.example.com", TYPE2)).isEqualTo(Change.ADDED);
  }

  @Test
  void retainDynamicDropsDomainsNoLongerInTheDatabase() {
    registry.putDynamic("keep1.example.com", TYPE1);
    registry.putDynamic("drop1.example.com", TYPE1);
    registry.putDynamic("keep2.example.com", TYPE2);
    registry.putDynamic("drop2.example.com", TYPE3);

    registry.retainDynamic(domain -> domain.startsWith("keep"));

    assertThat(registry.dynamicSize()).isEqualTo(2);
    assertThat(registry.hostTypeOf("drop1.example.com")).isNull();
    assertThat(registry.hostTypeOf("drop2.example.com")).isNull();
    assertThat(registry.domainsByHostType(TYPE1)).containsExactlyInAnyOrder(STATIC, "keep1.example.com");
    assertThat(registry.domainsByHostType(TYPE2)).containsExactly("keep2.example.com");
    assertThat(registry.domainsByHostType(TYPE3)).isEmpty();
    assertThat(registry.hostTypeOf(STATIC)).isEqualTo(TYPE1);
  }

  @Test
  void domainsByHostTypeListsStaticAndDynamicDomains() {
    registry.putDynamic("a.example.com", TYPE1);
    registry.putDynamic("b.example.com", TYPE1);
    registry.putDynamic("c.example.com", TYPE2);

    List<String> type1 = registry.domainsByHostType(TYPE1);

    assertThat(type1).containsExactlyInAnyOrder(STATIC, "a.example.com", "b.example.com");
    assertThat(registry.domainsByHostType(TYPE2)).containsExactly("c.example.com");
    assertThat(registry.domainsByHostType("unknown")).isEmpty();
    assertThatThrownBy(() -> type1.add("x.example.com")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> registry.domainsByHostType(TYPE1).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void storesTheSharedInstanceOfTheAllowedHostType() {
    String allowedInstance = new String(TYPE2.toCharArray());
    DomainRegistry fresh = new DomainRegistry(Map.of(), List.of(allowedInstance));

    fresh.putDynamic("a.example.com", new String(TYPE2.toCharArray()));
    fresh.putDynamic("b.example.com", new String(TYPE2.toCharArray()));

    assertThat(fresh.hostTypeOf("a.example.com")).isSameAs(allowedInstance);
    assertThat(fresh.hostTypeOf("b.example.com")).isSameAs(allowedInstance);
  }

  @Test
  void indexFollowsAHostTypeChange() {
    registry.putDynamic(new String("a.example.com".toCharArray()), TYPE1);

    registry.putDynamic(new String("a.example.com".toCharArray()), TYPE2);

    assertThat(registry.domainsByHostType(TYPE2)).containsExactly("a.example.com");
    assertThat(registry.domainsByHostType(TYPE1)).containsExactly(STATIC);
  }

  @Test
  void pagesByHostTypeInNameOrderWithStaticDomainsMergedIn() {
    DomainRegistry paged = new DomainRegistry(Map.of("m.example.com", TYPE1, "zz.example.com", TYPE1), List.of(TYPE1, TYPE2));
    List<String> expected = new ArrayList<>(List.of("m.example.com", "zz.example.com"));
    for (int i = 0; i < 1000; i++) {
      String domain = "d" + (i * 7919 % 1000) + ".example.com";
      paged.putDynamic(domain, TYPE1);
      paged.putDynamic("other" + i + ".example.com", TYPE2);
      expected.add(domain);
    }
    expected.sort(null);

    List<String> walked = new ArrayList<>();
    String cursor = null;
    List<String> page;
    do {
      page = paged.domainsByHostType(TYPE1, cursor, 100);
      walked.addAll(page);
      cursor = page.isEmpty() ? cursor : page.get(page.size() - 1);
    } while (page.size() == 100);

    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(paged.domainsByHostType(TYPE1, "d5", 3)).containsExactly("d5.example.com", "d50.example.com",
        "d500.example.com");
    assertThat(paged.domainsByHostType(TYPE1, "zz.example.com", 10)).isEmpty();
    assertThat(paged.domainsByHostType("unknown", null, 10)).isEmpty();
    assertThat(paged.domainsByHostType(TYPE1)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void initialReloadPutsEveryDomainInItsIndexInOrder() {
    DomainRegistry loaded = new DomainRegistry(Map.of(STATIC, TYPE1), List.of(TYPE1, TYPE2));
    RegistryReload reload = loaded.startReload();
    for (int i = 999; i >= 0; i--) {
      reload.put("d" + i + ".example.com", i % 2 == 0 ? TYPE1 : TYPE2);
    }
    reload.put("d1.example.com", TYPE1); // a change during the load reaches the index too
    reload.finish(42);

    assertThat(loaded.dynamicSize()).isEqualTo(1000);
    assertThat(loaded.domainsByHostType(TYPE2)).hasSize(499).doesNotContain("d1.example.com");
    List<String> type1 = loaded.domainsByHostType(TYPE1, null, 1000);
    assertThat(type1).hasSize(502).isSorted().contains(STATIC, "d1.example.com");
    assertThat(loaded.hostTypeOf("d1.example.com")).isEqualTo(TYPE1);
    assertThat(loaded.removeDynamic("d0.example.com")).isEqualTo(Change.REMOVED);
    assertThat(loaded.domainsByHostType(TYPE1)).hasSize(501);
  }

  @Test
  void worksWithEmptyConfiguration() {
    DomainRegistry empty = new DomainRegistry(Map.of(), List.of());

    assertThat(empty.putDynamic("a.example.com", TYPE1)).isEqualTo(Change.IGNORED_HOST_TYPE);
    assertThat(empty.removeDynamic("a.example.com")).isEqualTo(Change.NONE);
    assertThat(empty.hostTypeOf("a.example.com")).isNull();
    assertThat(empty.domainsByHostType(TYPE1)).isEmpty();
    assertThat(empty.allStatic()).isEmpty();
    assertThat(empty.isAllowedHostType(TYPE1)).isFalse();
  }

  @Test
  void copiesItsInputs() {
    Map<String, String> statics = new HashMap<>(Map.of(STATIC, TYPE1));
    List<String> allowed = new ArrayList<>(List.of(TYPE1));
    DomainRegistry copy = new DomainRegistry(statics, allowed);

    statics.put("late.example.com", TYPE1);
    allowed.add(TYPE2);

    assertThat(copy.isStatic("late.example.com")).isFalse();
    assertThat(copy.isAllowedHostType(TYPE2)).isFalse();
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> registry.putDynamic(null, TYPE1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> registry.putDynamic("a.example.com", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> registry.removeDynamic(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> registry.retainDynamic(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DomainRegistry(Map.of(), List.of(TYPE1, null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void lookupsDoNotAllocate() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    String[] domains = new String[1000];
    for (int i = 0; i < domains.length; i++) {
      domains[i] = "d" + i + ".example.com";
      registry.putDynamic(domains[i], i % 2 == 0 ? TYPE1 : TYPE2);
    }
    String[] queries = new String[domains.length + 2];
    for (int i = 0; i < domains.length; i++) {
      queries[i] = new String(domains[i].toCharArray());
    }
    queries[domains.length] = "missing.example.com";
    queries[domains.length + 1] = STATIC;
    long found = lookUp(queries, 10);
    long threadId = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(threadId);
    found += lookUp(queries, 100);
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;

    assertThat(found).isEqualTo(110L * (2L * (domains.length + 1) + queries.length));
    assertThat(allocated).as("bytes allocated by %d lookups", 100L * queries.length * 4).isLessThan(1024);
  }

  private long lookUp(String[] queries, int rounds) {
    long found = 0;
    for (int round = 0; round < rounds; round++) {
      for (String query : queries) {
        found += registry.hostTypeOf(query) != null ? 1 : 0;
        found += registry.isAllowedHostType(registry.hostTypeOf(query) == null ? "nope" : TYPE1) ? 1 : 0;
        found += registry.isStatic(query) || registry.dynamicSize() > 0 ? 1 : 0;
      }
    }
    return found;
  }

  /**
   * A writer applies random updates (checking every returned change against a model) and grows,
   * retains and shrinks the maps, while readers check that no lookup or listing ever shows a
   * domain with a host type it never had, and that untouched domains never disappear.
   */
  @Test
  void concurrentReadersNeverSeeAWrongHostTypeWhileAWriterChurns() throws Exception {
    int stableCount = 2000;
    int churnCount = 500;
    int writes = 100_000;
    Map<String, String> expectedStable = new HashMap<>();
    Set<String> stableType1 = new HashSet<>();
    for (int i = 0; i < stableCount; i++) {
      String domain = "stable" + i + ".example.com";
      String type = i % 2 == 0 ? TYPE1 : TYPE2;
      registry.putDynamic(domain, type);
      expectedStable.put(domain, type);
      if (type.equals(TYPE1)) {
        stableType1.add(domain);
      }
    }
    String[] stable = expectedStable.keySet().toArray(new String[0]);
    String[] churn = new String[churnCount];
    for (int i = 0; i < churnCount; i++) {
      churn[i] = "churn" + i + ".example.com";
    }

    AtomicBoolean writerDone = new AtomicBoolean();
    AtomicReference<String> failure = new AtomicReference<>();
    CountDownLatch readersStarted = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        int seed = r;
        readers.add(pool.submit(() -> {
          readersStarted.countDown();
          SplittableRandom random = new SplittableRandom(seed);
          long reads = 0;
          do {
            String domain = stable[random.nextInt(stable.length)];
            check(failure, registry.hostTypeOf(domain) == expectedStable.get(domain),
                () -> domain + " has " + registry.hostTypeOf(domain));
            check(failure, registry.hostTypeOf(STATIC) == TYPE1, () -> "static lost");
            String moving = churn[random.nextInt(churn.length)];
            String type = registry.hostTypeOf(moving);
            check(failure, type == null || type == TYPE1 || type == TYPE2, () -> moving + " has " + type);
            if (reads % 64 == 0) {
              List<String> listed = registry.domainsByHostType(TYPE1);
              check(failure, new HashSet<>(listed).containsAll(stableType1), () -> "stable type1 domain missing");
              for (String d : listed) {
                check(failure, stableType1.contains(d) || d.startsWith("churn") || d.equals(STATIC),
                    () -> d + " listed under type1");
              }
              check(failure, registry.domainsByHostType("local").equals(List.of("localhost")),
                  () -> "local lists " + registry.domainsByHostType("local"));
            }
            if (reads % 1024 == 0) {
              for (String d : registry.domainsByHostType(TYPE3)) {
                check(failure, d.startsWith("grow"), () -> d + " listed under type3");
              }
            }
            reads++;
          } while (!writerDone.get() && failure.get() == null);
          return reads;
        }));
      }
      readersStarted.await();
      Future<?> writer = pool.submit(() -> {
        try {
          churn(churn, writes, failure);
        } finally {
          writerDone.set(true);
        }
      });
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Long> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failure.get()).isNull();
  }

  private void churn(String[] churn, int writes, AtomicReference<String> failure) {
    Map<String, String> model = new HashMap<>();
    SplittableRandom random = new SplittableRandom(42);
    int grown = 0;
    for (int i = 0; i < writes && failure.get() == null; i++) {
      String domain = churn[random.nextInt(churn.length)];
      String previous = model.get(domain);
      int op = random.nextInt(6);
      Change expected;
      Change actual;
      if (op < 2) {
        String type = op == 0 ? TYPE1 : TYPE2;
        expected = previous == null ? Change.ADDED : previous.equals(type) ? Change.NONE : Change.CHANGED;
        actual = registry.putDynamic(domain, type);
        model.put(domain, type);
      } else if (op < 4) {
        expected = previous == null ? Change.IGNORED_HOST_TYPE : Change.REMOVED;
        actual = registry.putDynamic(domain, op == 2 ? "local" : "nope");
        model.remove(domain);
      } else if (op == 4) {
        expected = previous == null ? Change.NONE : Change.REMOVED;
        actual = registry.removeDynamic(domain);
        model.remove(domain);
      } else {
        expected = Change.IGNORED_STATIC;
        actual = registry.putDynamic(STATIC, TYPE2);
      }
      check(failure, actual == expected,
          () -> "write " + op + " on " + domain + ": " + actual + " instead of " + expected);
      registry.putDynamic("grow" + grown++ + ".example.com", TYPE3);
      if (i % 20_000 == 19_999) {
        registry.retainDynamic(d -> !d.startsWith("grow") || d.hashCode() % 8 == 0);
      }
    }
    Map<String, String> churned = new HashMap<>();
    for (String domain : churn) {
      if (registry.hostTypeOf(domain) != null) {
        churned.put(domain, registry.hostTypeOf(domain));
      }
    }
    check(failure, churned.equals(model), () -> "final state differs from the model");
    int indexed = 0;
    for (String type : List.of(TYPE1, TYPE2, TYPE3)) {
      for (String d : registry.domainsByHostType(type)) {
        check(failure, type.equals(registry.hostTypeOf(d)), () -> d + " indexed under " + type);
        indexed += registry.isStatic(d) ? 0 : 1;
      }
    }
    int indexedDynamic = indexed;
    check(failure, indexedDynamic == registry.dynamicSize(),
        () -> indexedDynamic + " indexed, " + registry.dynamicSize() + " in the map");
  }

  private static void check(AtomicReference<String> failure, boolean ok, Supplier<String> message) {
    if (!ok) {
      failure.compareAndSet(null, message.get());
    }
  }
}
