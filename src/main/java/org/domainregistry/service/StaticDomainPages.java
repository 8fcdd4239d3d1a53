package org.domainregistry.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.domainregistry.registry.DomainDetails;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.store.DomainQuery;
import org.domainregistry.store.StoredDomain;

/** Pages over the static domains, and the merge of a static page with a stored one by name. */
final class StaticDomainPages {
  private final TreeMap<String, String> sorted;

  StaticDomainPages(Map<String, String> staticDomains) {
    this.sorted = new TreeMap<>(staticDomains);
  }

  /** The static domains of the query's page, one more than its limit so the merge knows if more follow. */
  List<DomainDetails> page(DomainQuery query) {
    List<DomainDetails> page = new ArrayList<>();
    if (query.status().isPresent() && query.status().get() != DomainStatus.ENABLED) {
      return page;
    }
    boolean afterIsLater = query.after().filter(after -> after.compareTo(query.prefixStart()) >= 0).isPresent();
    String from = afterIsLater ? query.after().get() : query.prefixStart();
    if (from.compareTo(query.prefixEnd()) >= 0) {
      return page;
    }
    NavigableMap<String, String> candidates = sorted.subMap(from, !afterIsLater, query.prefixEnd(), false);
    for (Map.Entry<String, String> entry : candidates.entrySet()) {
      if (page.size() > query.limit()) {
        break;
      }
      if (query.hostType().isEmpty() || query.hostType().get().equals(entry.getValue())) {
        page.add(DomainDetails.ofStatic(entry.getKey(), entry.getValue()));
      }
    }
    return page;
  }

  DomainPage merge(List<DomainDetails> statics, List<StoredDomain> stored, int limit) {
    List<DomainDetails> merged = new ArrayList<>(limit);
    int s = 0;
    int d = 0;
    while (merged.size() < limit && (s < statics.size() || d < stored.size())) {
      boolean takeStatic = d >= stored.size()
          || (s < statics.size() && statics.get(s).domain().compareTo(stored.get(d).domain()) < 0);
      if (takeStatic) {
        merged.add(statics.get(s++));
      } else {
        StoredDomain row = stored.get(d++);
        merged.add(new DomainDetails(row.domain(), row.hostType(), row.status(), false));
      }
    }
    boolean more = s < statics.size() || d < stored.size() || stored.size() == limit;
    Optional<String> next = more && merged.size() == limit
        ? Optional.of(merged.get(merged.size() - 1).domain())
        : Optional.empty();
    return new DomainPage(merged, next);
  }
}
