package org.domainregistry.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One host type of a registry: its name instance, its id in the entries' headers, its static
 * domains (sorted) and, if allowed, its dynamic ones in name order.
 */
final class HostTypeIndex {
  final String name;
  final int id;
  final List<String> statics;
  final SortedEntries dynamic;

  HostTypeIndex(String name, int id, boolean allowed, List<String> statics) {
    this.name = name;
    this.id = id;
    this.statics = statics.stream().sorted().toList();
    this.dynamic = allowed ? new SortedEntries() : null;
  }

  /** The static domains, then the dynamic ones in order; unmodifiable. */
  List<String> all() {
    if (dynamic == null || dynamic.size() == 0) {
      return statics;
    }
    List<String> result = new ArrayList<>(statics.size() + dynamic.size() + 16);
    result.addAll(statics);
    dynamic.copyTo(result);
    return Collections.unmodifiableList(result);
  }

  /** Up to {@code limit} static and dynamic domains ordered after {@code after} (null: from the first); unmodifiable. */
  List<String> page(String after, int limit) {
    List<String> page = new ArrayList<>(Math.min(limit, 1024));
    if (dynamic != null) {
      dynamic.page(after, limit, page);
    }
    return Collections.unmodifiableList(SortedMerge.page(statics, page, after, limit));
  }
}
