package org.domainregistry.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a bulk load waiting for their host types' indexes: one sort and one rebuild per
 * host type at the end ({@link SortedEntries#addAll}) instead of a block copy per entry.
 */
final class IndexBatch {
  private final List<byte[]>[] byType;

  @SuppressWarnings("unchecked")
  IndexBatch(int types) {
    byType = new List[types];
  }

  void add(byte[] entry) {
    int type = Entries.type(entry);
    if (byType[type] == null) {
      byType[type] = new ArrayList<>();
    }
    byType[type].add(entry);
  }

  /** Puts every waiting entry in its host type's index. */
  void flushInto(HostTypeIndex[] indexes) {
    for (int type = 0; type < byType.length; type++) {
      if (byType[type] != null) {
        indexes[type].dynamic.addAll(byType[type]);
        byType[type] = null;
      }
    }
  }
}
