package org.domainregistry.bench;

import java.util.List;

/** The synthetic population the benchmarks and the footprint probe share. */
final class BenchDomains {
  static final int COUNT = 1_000_000;
  static final List<String> HOST_TYPES = List.of("type1", "type2", "type3", "type4");

  private BenchDomains() {}

  /** {@code d000000.example.com} … {@code d999999.example.com} for prefix {@code d}: 19 characters. */
  static String name(char prefix, int i) {
    StringBuilder sb = new StringBuilder(19).append(prefix);
    String digits = Integer.toString(i);
    for (int pad = digits.length(); pad < 6; pad++) {
      sb.append('0');
    }
    return sb.append(digits).append(".example.com").toString();
  }

  static String hostType(int i) {
    return HOST_TYPES.get(i % HOST_TYPES.size());
  }
}
