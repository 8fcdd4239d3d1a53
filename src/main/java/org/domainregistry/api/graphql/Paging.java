package org.domainregistry.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.domainregistry.registry.DomainError;
import org.domainregistry.service.Requests;

/**
 * The optional {@code limit} and {@code cursor} of {@code allDomains} and {@code domainsByHostType}
 * (beyond MongooseIM): at most {@code limit} domains ordered after {@code cursor}. Without them,
 * everything, as in MongooseIM.
 */
record Paging(OptionalInt limit, Optional<String> cursor) {

  /** The paging arguments of a field; a limit out of range is {@code invalid_query}. */
  static Paging of(DataFetchingEnvironment env) {
    Integer limit = env.getArgument("limit");
    return new Paging(limit == null ? OptionalInt.empty() : OptionalInt.of(Requests.limit(limit, DomainError.INVALID_QUERY)),
        Optional.ofNullable(env.<String>getArgument("cursor"))
            .map(cursor -> Requests.text(cursor, "cursor", DomainError.INVALID_QUERY)));
  }

  /** The page of a list sorted by name. */
  List<String> apply(List<String> sorted) {
    return sorted.stream()
        .filter(name -> cursor.isEmpty() || name.compareTo(cursor.get()) > 0)
        .limit(limit.orElse(Integer.MAX_VALUE))
        .toList();
  }
}
