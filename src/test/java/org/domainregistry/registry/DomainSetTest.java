package org.domainregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DomainSetTest {
  private final DomainSet set = new DomainSet();

  private List<String> contents() {
    List<String> out = new ArrayList<>();
    set.copyTo(out);
    return out;
  }

  @Test
  void addsOnceAndRemovesReturningTheHeldInstance() {
    String held = new String("a.example.com".toCharArray());

    assertThat(set.add(held)).isTrue();
    assertThat(set.add("a.example.com")).isFalse();
    assertThat(set.size()).isEqualTo(1);
    assertThat(set.remove("b.example.com")).isNull();
    assertThat(set.remove("a.example.com")).isSameAs(held);
    assertThat(set.remove("a.example.com")).isNull();
    assertThat(set.size()).isZero();
    assertThat(contents()).isEmpty();
  }

  @Test
  void growsAndShrinksWithItsContents() {
    for (int i = 0; i < 10_000; i++) {
      set.add("d" + i + ".example.com");
    }
    assertThat(set.capacity()).isEqualTo(16_384);
    for (int i = 10; i < 10_000; i++) {
      set.remove("d" + i + ".example.com");
    }

    assertThat(set.capacity()).isLessThanOrEqualTo(64);
    assertThat(contents()).containsExactlyInAnyOrder(
        "d0.example.com", "d1.example.com", "d2.example.com", "d3.example.com", "d4.example.com",
        "d5.example.com", "d6.example.com", "d7.example.com", "d8.example.com", "d9.example.com");
  }

  @Test
  void behavesLikeAHashSetUnderRandomAddsAndRemoves() {
    Set<String> model = new HashSet<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      String domain = "d" + random.nextInt(3000) + ".example.com";
      if (random.nextInt(3) == 0) {
        assertThat(set.remove(domain) != null).isEqualTo(model.remove(domain));
      } else {
        assertThat(set.add(domain)).isEqualTo(model.add(domain));
      }
      if (i % 5000 == 0) {
        assertThat(contents()).hasSameSizeAs(model).containsExactlyInAnyOrderElementsOf(model);
      }
    }
    assertThat(set.size()).isEqualTo(model.size());
    assertThat(contents()).containsExactlyInAnyOrderElementsOf(model);
  }

  @Test
  void iterationSeesUntouchedDomainsWhileTheWriterResizes() throws Exception {
    Set<String> stable = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String domain = "stable" + i + ".example.com";
      stable.add(domain);
      set.add(domain);
    }
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
      started.countDown();
      List<String> seen = new ArrayList<>();
      long rounds = 0;
      do {
        seen.clear();
        set.copyTo(seen);
        int stableSeen = 0;
        for (String d : seen) {
          if (d.startsWith("stable")) {
            stableSeen++;
          } else if (!d.startsWith("churn")) {
            throw new AssertionError("unexpected " + d);
          }
        }
        if (stableSeen != stable.size()) {
          throw new AssertionError(stableSeen + " stable domains seen in round " + rounds);
        }
        rounds++;
      } while (!done.get());
      return rounds;
    });
    started.await();
    try {
      for (int cycle = 0; cycle < 50; cycle++) {
        for (int i = 0; i < 5000; i++) {
          set.add("churn" + i + ".example.com");
        }
        for (int i = 0; i < 5000; i++) {
          set.remove("churn" + i + ".example.com");
        }
      }
    } finally {
      done.set(true);
    }
    assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    assertThat(contents()).containsExactlyInAnyOrderElementsOf(stable);
  }
}
