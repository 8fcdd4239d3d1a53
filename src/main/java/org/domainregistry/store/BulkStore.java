package org.domainregistry.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

/** Bulk writes and reads of domains (README "Operating", bulk import/export). */
public interface BulkStore {

  /**
   * What a batch insert did: the domains it created with their event ids, and the rows that
   * already existed of the others.
   */
  record BatchInsert(Map<String, Long> created, Map<String, StoredDomain> existing) {}

  /**
   * Inserts the enabled pairs {@code domains[i] → hostTypes[i]} that do not exist yet, each with its
   * event, in one transaction of multi-row statements.
   */
  Future<BatchInsert> insertAll(List<String> domains, List<String> hostTypes);

  /**
   * Every domain (any status) from one REPEATABLE READ snapshot: first {@code onSnapshot} with the
   * highest event id the snapshot holds, then page after page of {@code pageSize} to {@code sink},
   * each asked for once the future the previous page's {@code sink} answered completed; answers
   * how many domains there were.
   */
  Future<Long> exportAll(int pageSize, LongFunction<Future<Void>> onSnapshot,
                         Function<List<StoredDomain>, Future<Void>> sink);
}
