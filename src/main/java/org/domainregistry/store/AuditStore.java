package org.domainregistry.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The durable audit log (README "Operating", audit log). */
public interface AuditStore {

  /** Appends records in one statement (their ids and times are the database's). */
  Future<Void> appendAll(List<AuditRecord> records);

  /** Up to {@code limit} records with an id above {@code afterId}, oldest first, of one domain and/or caller. */
  Future<List<AuditRecord>> page(Optional<String> domain, Optional<String> caller, long afterId, int limit);

  /** Deletes the records older than {@code maxAge}; answers how many. */
  Future<Integer> clean(Duration maxAge);
}
