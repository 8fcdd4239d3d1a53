package org.domainregistry.api;

import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import org.domainregistry.registry.DomainError;

/** Parses {@code ?wait=cluster&timeout_ms=N} of the write routes. */
final class ClusterWaits {
  static final long MAX_TIMEOUT_MS = 60_000;

  private ClusterWaits() {}

  /** The time to wait for the whole cluster, or empty when the request does not ask to wait. */
  static Optional<Duration> parse(RoutingContext ctx, Duration defaultTimeout) {
    Optional<String> wait = DomainRoutes.optionalParam(ctx, "wait");
    Optional<String> timeout = DomainRoutes.optionalParam(ctx, "timeout_ms");
    if (wait.isEmpty()) {
      if (timeout.isPresent()) {
        throw DomainError.INVALID_QUERY.exception("timeout_ms goes with wait=cluster");
      }
      return Optional.empty();
    }
    if (!wait.get().equals("cluster")) {
      throw DomainError.INVALID_QUERY.exception("wait must be cluster");
    }
    return Optional.of(timeout.map(ClusterWaits::millis).orElse(defaultTimeout));
  }

  private static Duration millis(String value) {
    try {
      long millis = Long.parseLong(value);
      if (millis >= 1 && millis <= MAX_TIMEOUT_MS) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw DomainError.INVALID_QUERY.exception("timeout_ms must be a whole number from 1 to " + MAX_TIMEOUT_MS);
  }
}
