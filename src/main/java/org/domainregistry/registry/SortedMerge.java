package org.domainregistry.registry;

import java.util.ArrayList;
import java.util.List;

/** The page of a host type from its sorted static names and a sorted page of its dynamic ones. */
final class SortedMerge {
  private SortedMerge() {}

  /** Up to {@code limit} names of both lists ordered after {@code after} (null: from the first), in order. */
  static List<String> page(List<String> statics, List<String> dynamic, String after, int limit) {
    if (statics.isEmpty()) {
      return dynamic;
    }
    List<String> page = new ArrayList<>(Math.min(limit, statics.size() + dynamic.size()));
    int s = 0;
    while (s < statics.size() && after != null && statics.get(s).compareTo(after) <= 0) {
      s++;
    }
    int d = 0;
    while (page.size() < limit && (s < statics.size() || d < dynamic.size())) {
      boolean takeStatic = d >= dynamic.size()
          || (s < statics.size() && statics.get(s).compareTo(dynamic.get(d)) < 0);
      page.add(takeStatic ? statics.get(s++) : dynamic.get(d++));
    }
    return page;
  }
}
