package org.domainregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrefixSortTest {
  /** Names over a few characters, so that many share long prefixes and some are prefixes of others. */
  private static byte[][] entries(int count, String alphabet, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] entries = new byte[count][];
    for (int i = 0; i < count; i++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(40) == 0 ? 1 + random.nextInt(253) : 1 + random.nextInt(24);
      for (int c = 0; c < length; c++) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      entries[i] = Entries.of(name.toString(), random.nextInt(4));
    }
    return entries;
  }

  private static void assertSortedAsTheComparatorSorts(byte[][] entries) {
    byte[][] expected = entries.clone();
    Arrays.sort(expected, Entries::compare);
    PrefixSort.sort(entries);
    for (int i = 0; i < entries.length; i++) {
      assertThat(Entries.compare(entries[i], expected[i])).as("position %d", i).isZero();
    }
  }

  @Test
  void ordersAsTheComparatorWhereNamesShareLongPrefixesOrArePrefixesOfOthers() {
    assertSortedAsTheComparatorSorts(entries(20_000, "ab.", 1));
    assertSortedAsTheComparatorSorts(entries(100_000, "a", 2)); // every name a prefix of the longer ones
    assertSortedAsTheComparatorSorts(entries(200_000, "abcdefghijklmnopqrstuvwxyz0123456789-.", 3));
  }

  @Test
  void ordersAsTheComparatorWithZeroBytesHighBytesAndDuplicateNames() {
    assertSortedAsTheComparatorSorts(entries(30_000, "a\u0000\u00ff\u0080", 4));
    byte[][] twice = entries(5_000, "xy", 5);
    byte[][] doubled = Arrays.copyOf(twice, twice.length * 2);
    System.arraycopy(twice, 0, doubled, twice.length, twice.length);
    assertSortedAsTheComparatorSorts(doubled);
  }

  @Test
  void ordersWideNamesByTheComparator() {
    byte[][] mixed = entries(10_000, "aü\u0101.", 6);
    assertThat(Arrays.stream(mixed).anyMatch(e -> Entries.length(e) * 2 == e.length - 1)).isTrue();
    assertSortedAsTheComparatorSorts(mixed);
  }
}
