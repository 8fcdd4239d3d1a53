package org.domainregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domainregistry.registry.RegistryChange.Type;
import org.junit.jupiter.api.Test;

/** Subdomain patterns, the digest and the change listeners of {@link DomainRegistry}, without I/O. */
class SubdomainsAndDigestTest {
  private static final List<String> TYPES = List.of("type1", "type2");

  private static DomainRegistry registry() {
    return new DomainRegistry(Map.of("static.example", "type1"), TYPES);
  }

  @Test
  void patternsParseToTheirCanonicalFormOrAreInvalid() {
    assertThat(SubdomainPattern.parse("MUC.@HOST@", List.of("type1"), "muc"))
        .isEqualTo(new SubdomainPattern("muc.@HOST@", "muc.", List.of("type1"), "muc"));
    assertThat(SubdomainPattern.parse("conference.global", List.of("type2", "type1"), null))
        .isEqualTo(new SubdomainPattern("conference.global", null, List.of("type1", "type2"), "unknown"));
    for (String bad : List.of("", "muc@HOST@", "@HOST@", "a.@HOST@.b", "x..@HOST@", "bad name")) {
      assertThatThrownBy(() -> SubdomainPattern.parse(bad, List.of("type1"), "x")).as(bad)
          .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo(DomainError.INVALID_PATTERN));
    }
    assertThatThrownBy(() -> SubdomainPattern.parse("muc.@HOST@", List.of(), "x"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo(DomainError.INVALID_PATTERN));
  }

  @Test
  void subdomainsFollowTheirParentAndTheRealDomainWins() {
    DomainRegistry registry = registry();
    registry.addSubdomainPattern(SubdomainPattern.parse("muc.@HOST@", List.of("type1"), "muc"), 0);
    registry.addSubdomainPattern(SubdomainPattern.parse("conference.global", List.of("type2"), "muc"), 0);
    assertThat(registry.findSubdomain("muc.a.example")).isNull();
    registry.putDynamic("a.example", "type1");
    registry.putDynamic("b.example", "type2");
    assertThat(registry.findSubdomain("muc.a.example")).isEqualTo(new SubdomainMatch("muc.a.example", "type1",
        "a.example", registry.subdomainPatterns().get(1)));
    assertThat(registry.findSubdomain("muc.static.example").parent()).isEqualTo("static.example");
    assertThat(registry.findSubdomain("muc.b.example")).as("type2 is not covered").isNull();
    assertThat(registry.findSubdomain("conference.global").hostType()).isEqualTo("type2");
    registry.putDynamic("muc.a.example", "type2");
    assertThat(registry.findSubdomain("muc.a.example")).as("the real domain wins").isNull();
    assertThat(registry.shadowsSubdomain("muc.a.example")).isTrue();
    registry.removeDynamic("muc.a.example");
    assertThat(registry.findSubdomain("muc.a.example")).isNotNull();
    registry.removeDynamic("a.example", true, 7);
    assertThat(registry.findSubdomain("muc.a.example")).as("gone with its disabled parent").isNull();
  }

  @Test
  void subdomainLookupsLookUpTheParentWithoutAllocatingItsName() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    DomainRegistry registry = registry();
    registry.addSubdomainPattern(SubdomainPattern.parse("muc.@HOST@", List.of("type1"), "muc"), 0);
    registry.addSubdomainPattern(SubdomainPattern.parse("pubsub.@HOST@", List.of("type1"), "pubsub"), 0);
    String[] misses = new String[1000];
    for (int i = 0; i < misses.length; i++) {
      registry.putDynamic("d" + i + ".example", "type2"); // parents found, but of a host type not covered
      misses[i] = (i % 2 == 0 ? "muc.d" : "pubsub.d") + i + (i % 3 == 0 ? ".example" : ".missing");
    }
    long found = lookUp(registry, misses, 100);
    long threadId = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(threadId);
    found += lookUp(registry, misses, 100);
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;

    assertThat(found).isZero();
    // Under one byte a lookup: one allocation each would be 16 bytes or more. Run alone in a fresh JVM,
    // the thread still allocates a few kilobytes in all while the JIT settles, so a fixed 1 KiB failed.
    assertThat(allocated).as("bytes allocated by %d subdomain lookups", 100L * misses.length)
        .isLessThan(100L * misses.length);
  }

  private static long lookUp(DomainRegistry registry, String[] names, int rounds) {
    long found = 0;
    for (int round = 0; round < rounds; round++) {
      for (String name : names) {
        found += registry.findSubdomain(name) != null ? 1 : 0;
      }
    }
    return found;
  }

  @Test
  void patternsProducingTheSameNamesConflict() {
    DomainRegistry registry = registry();
    SubdomainPattern muc = SubdomainPattern.parse("muc.@HOST@", List.of("type1"), "muc");
    assertThat(registry.addSubdomainPattern(muc, 0)).isTrue();
    assertThat(registry.addSubdomainPattern(muc, 0)).as("same again").isFalse();
    assertThatThrownBy(() -> registry.addSubdomainPattern(SubdomainPattern.parse("muc.@HOST@",
        List.of("type2", "type1"), "other"), 0))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.error()).isEqualTo(DomainError.SUBDOMAIN_CONFLICT);
          assertThat(e.getMessage()).contains("muc.@HOST@", "muc", "type1");
        });
    assertThat(registry.addSubdomainPattern(SubdomainPattern.parse("muc.@HOST@", List.of("type2"), "other2"), 0))
        .as("disjoint host types do not conflict").isTrue();
  }

  @Test
  void theDigestIsOrderIndependentAndReturnsToItsValue() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      names.add("d" + i + ".example");
    }
    DomainRegistry one = registry();
    DomainRegistry other = registry();
    names.forEach(n -> one.putDynamic(n, TYPES.get(n.length() % 2)));
    List<String> shuffled = new ArrayList<>(names);
    Collections.shuffle(shuffled, new Random(1));
    shuffled.forEach(n -> other.putDynamic(n, TYPES.get(n.length() % 2)));
    assertThat(one.digest()).isEqualTo(other.digest()).isNotZero();
    long before = one.digest();
    one.putDynamic("d1.example", "type2");
    assertThat(one.digest()).as("host type counts").isNotEqualTo(before);
    one.putDynamic("d1.example", TYPES.get("d1.example".length() % 2));
    assertThat(one.digest()).isEqualTo(before);
    one.putDynamic("static.example", "type2");
    assertThat(one.digest()).as("static domains are not in it").isEqualTo(before);
    names.forEach(one::removeDynamic);
    assertThat(one.digest()).isZero();
    assertThat(Digest.of("a", "bc")).isNotEqualTo(Digest.of("ab", "c"));
  }

  @Test
  void listenersHearChangesInOrderAndAReloadOnlyItsDifferences() throws Exception {
    DomainRegistry registry = registry();
    registry.addSubdomainPattern(SubdomainPattern.parse("muc.@HOST@", List.of("type1"), "muc"), 0);
    registry.putDynamic("kept.example", "type1", 1);
    registry.putDynamic("dropped.example", "type2", 2);
    List<RegistryChange> heard = new CopyOnWriteArrayList<>();
    try (AutoCloseable listening = registry.changes().add(heard::add)) {
      registry.removeDynamic("kept.example", true, 3);
      registry.putDynamic("kept.example", "type1", 4);
      RegistryReload reload = registry.startReload();
      reload.put("kept.example", "type1");
      reload.put("new.example", "type1");
      reload.finish(9);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (heard.size() < 8 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
    assertThat(heard.stream().map(c -> c.type() + " " + c.domain() + " " + c.eventId()).toList()).containsExactly(
        "SUBDOMAIN_REMOVED muc.kept.example 3", "DISABLED kept.example 3",
        "ENABLED kept.example 4", "SUBDOMAIN_ADDED muc.kept.example 4",
        "ADDED new.example 9", "SUBDOMAIN_ADDED muc.new.example 9", "REMOVED dropped.example 9", "RELOADED null 9");
    assertThat(heard.get(0).source()).isEqualTo(RegistryChange.Source.SUBDOMAIN);
    assertThat(heard.get(1).source()).isEqualTo(RegistryChange.Source.DYNAMIC);
    assertThat(heard.stream().filter(c -> c.type() == Type.RELOADED)).hasSize(1);
  }
  @Test
  void anInitialLoadAnnouncesOnlyWhatItPutWhileSomebodyListened() throws Exception {
    DomainRegistry registry = registry();
    RegistryReload reload = registry.startReload();
    reload.put("before.example", "type1");
    List<RegistryChange> heard = new CopyOnWriteArrayList<>();
    try (AutoCloseable listening = registry.changes().add(heard::add)) {
      reload.put("after.example", "type2");
      reload.finish(5);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (heard.size() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
    assertThat(heard.stream().map(c -> c.type() + " " + c.domain() + " " + c.eventId()).toList())
        .containsExactly("ADDED after.example 5", "RELOADED null 5");
    assertThat(registry.hostTypeOf("before.example")).isEqualTo("type1");
    assertThat(registry.domainsByHostType("type2")).containsExactly("after.example");
  }
}
