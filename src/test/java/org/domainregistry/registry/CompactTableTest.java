package org.domainregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CompactTableTest {
  private final CompactTable table = new CompactTable();

  private byte[] put(String name, int type) {
    return table.put(Entries.of(name, type), name);
  }

  private Integer typeOf(String name) {
    byte[] e = table.get(name, 0);
    return e == null ? null : Entries.type(e);
  }

  @Test
  void putsReplacesAndRemovesByName() {
    assertThat(put("a.example.com", 1)).isNull();
    assertThat(Entries.type(put(new String("a.example.com".toCharArray()), 2))).isEqualTo(1);
    assertThat(table.size()).isEqualTo(1);
    assertThat(typeOf("a.example.com")).isEqualTo(2);
    assertThat(table.remove("b.example.com")).isNull();
    assertThat(Entries.name(table.remove("a.example.com"))).isEqualTo("a.example.com");
    assertThat(table.remove("a.example.com")).isNull();
    assertThat(table.size()).isZero();
  }

  @Test
  void looksUpTheEndOfALongerNameInPlace() {
    put("example.com", 3);
    put("straße.example", 4); // a character above 255 is stored as UTF-16, ß below is one byte
    put("例え.jp", 5);

    assertThat(Entries.type(table.get("muc.example.com", 4))).isEqualTo(3);
    assertThat(table.get("muc.example.com", 3)).isNull();
    assertThat(table.get("muc.example.co", 4)).isNull();
    assertThat(Entries.type(table.get("x.straße.example", 2))).isEqualTo(4);
    assertThat(Entries.type(table.get("muc.例え.jp", 4))).isEqualTo(5);
    assertThat(Entries.name(table.get("例え.jp", 0))).isEqualTo("例え.jp");
  }

  @Test
  void growsAndShrinksWithItsContents() {
    for (int i = 0; i < 10_000; i++) {
      put("d" + i + ".example.com", 1);
    }
    assertThat(table.capacity()).isEqualTo(16_384);
    for (int i = 10; i < 10_000; i++) {
      table.remove("d" + i + ".example.com");
    }

    assertThat(table.capacity()).isLessThanOrEqualTo(64);
    assertThat(table.size()).isEqualTo(10);
    for (int i = 0; i < 10; i++) {
      assertThat(typeOf("d" + i + ".example.com")).isEqualTo(1);
    }
  }

  @Test
  void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
    Map<String, Integer> model = new HashMap<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      String domain = "d" + random.nextInt(3000) + ".example.com";
      if (random.nextInt(3) == 0) {
        assertThat(table.remove(domain) != null).isEqualTo(model.remove(domain) != null);
      } else {
        int type = random.nextInt(4);
        byte[] previous = put(domain, type);
        Integer modelPrevious = model.put(domain, type);
        assertThat(previous == null ? null : Entries.type(previous)).isEqualTo(modelPrevious);
      }
      assertThat(typeOf(domain)).isEqualTo(model.get(domain));
    }
    assertThat(table.size()).isEqualTo(model.size());
    Map<String, Integer> seen = new HashMap<>();
    table.forEach(e -> seen.put(Entries.name(e), Entries.type(e)));
    assertThat(seen).isEqualTo(model);
  }

  @Test
  void readersFindUntouchedNamesWhileTheWriterResizes() throws Exception {
    for (int i = 0; i < 500; i++) {
      put("stable" + i + ".example.com", 1);
    }
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
      started.countDown();
      long rounds = 0;
      do {
        for (int i = 0; i < 500; i++) {
          byte[] e = table.get("muc.stable" + i + ".example.com", 4);
          if (e == null || Entries.type(e) != 1) {
            throw new AssertionError("stable" + i + " not found in round " + rounds);
          }
        }
        rounds++;
      } while (!done.get());
      return rounds;
    });
    started.await();
    try {
      for (int cycle = 0; cycle < 50; cycle++) {
        for (int i = 0; i < 5000; i++) {
          put("churn" + i + ".example.com", 2);
        }
        for (int i = 0; i < 5000; i++) {
          table.remove("churn" + i + ".example.com");
        }
      }
    } finally {
      done.set(true);
    }
    assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    assertThat(table.size()).isEqualTo(500);
  }
}
