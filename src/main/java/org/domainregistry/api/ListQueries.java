package org.domainregistry.api;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.store.DomainQuery;

/** Parses {@code GET /api/domains?host_type=&status=&limit=&after=}; bad values are a 400 naming the parameter. */
final class ListQueries {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private ListQueries() {}

  static DomainQuery parse(RoutingContext ctx) {
    Optional<DomainStatus> status = DomainRoutes.optionalParam(ctx, "status").map(value -> {
      DomainStatus parsed = DomainStatus.parse(value);
      if (parsed == null) {
        throw DomainError.INVALID_QUERY.exception("status must be enabled, disabled or deleting");
      }
      return parsed;
    });
    int limit = DomainRoutes.optionalParam(ctx, "limit").map(ListQueries::limit).orElse(DEFAULT_LIMIT);
    return new DomainQuery(DomainRoutes.optionalParam(ctx, "host_type"), status,
        DomainRoutes.optionalParam(ctx, "after"), limit);
  }

  private static int limit(String value) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw DomainError.INVALID_QUERY.exception("limit must be a whole number from 1 to " + MAX_LIMIT);
  }
}
