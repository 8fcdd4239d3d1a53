package org.domainregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedEntriesTest {
  private final SortedEntries sorted = new SortedEntries();

  private List<String> contents() {
    List<String> out = new ArrayList<>();
    sorted.copyTo(out);
    return out;
  }

  @Test
  void keepsNamesInStringOrderUnderRandomAddsAndRemoves() {
    TreeSet<String> model = new TreeSet<>();
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      String domain = (random.nextInt(10) == 0 ? "ü" : "d") + random.nextInt(3000) + ".example.com";
      if (random.nextInt(3) == 0) {
        assertThat(sorted.remove(Entries.of(domain, 1))).isEqualTo(model.remove(domain));
      } else {
        assertThat(sorted.add(Entries.of(domain, 1))).isEqualTo(model.add(domain));
      }
      if (i % 5000 == 0) {
        assertThat(contents()).containsExactlyElementsOf(model);
      }
    }
    assertThat(sorted.size()).isEqualTo(model.size());
    assertThat(contents()).containsExactlyElementsOf(model);
    String after = "d1500";
    List<String> page = new ArrayList<>();
    sorted.page(after, 50, page);
    assertThat(page).containsExactlyElementsOf(model.tailSet(after, false).stream().limit(50).toList());
  }

  @Test
  void bulkAddMergesWithWhatIsIn() {
    TreeSet<String> model = new TreeSet<>();
    for (int i = 0; i < 300; i += 3) {
      sorted.add(Entries.of("d" + i + ".example.com", 0));
      model.add("d" + i + ".example.com");
    }
    List<byte[]> batch = new ArrayList<>();
    for (int i = 1000; i > 0; i--) {
      if (i % 3 != 0 || i >= 300) {
        batch.add(Entries.of("d" + i + ".example.com", 0));
        model.add("d" + i + ".example.com");
      }
    }

    sorted.addAll(batch);

    assertThat(sorted.size()).isEqualTo(model.size());
    assertThat(contents()).containsExactlyElementsOf(model);
    assertThat(sorted.add(Entries.of("d5.example.com", 0))).isFalse();
    assertThat(sorted.remove(Entries.of("d5.example.com", 0))).isTrue();
    List<String> page = new ArrayList<>();
    sorted.page("d4.example.com", 2, page);
    assertThat(page).containsExactly("d40.example.com", "d400.example.com");
  }
}
