package org.domainregistry.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.domainregistry.registry.DomainError;
import org.domainregistry.registry.DomainException;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.SubdomainPattern;
import org.domainregistry.store.SubdomainPatternStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subdomain patterns of a node (README "Event-bus API", subdomains): those of its config,
 * fixed, plus those sibling services register at run time, stored in the database so every node
 * serves them. A registration is checked against this node's patterns, stored, applied here and
 * announced on {@link SyncAddresses#SUBDOMAINS_CHANGED}; every node also re-reads the stored ones
 * at each poll interval, so a lost announcement only delays them.
 */
public final class SubdomainRegistrations {
  private static final Logger LOG = LoggerFactory.getLogger(SubdomainRegistrations.class);
  private final Vertx vertx;
  private final DomainRegistry registry;
  private final SubdomainPatternStore store;
  private final SyncStatus status;
  private final Set<String> fromConfig;
  /** Patterns being stored by this node: a refresh reading before the commit must not drop them. */
  private final Set<String> storing = ConcurrentHashMap.newKeySet();

  /** The patterns of {@code registry}: {@code config} ones at once, stored ones once {@link #refresh}ed. */
  public SubdomainRegistrations(Vertx vertx, DomainRegistry registry, SubdomainPatternStore store, SyncStatus status,
                                List<SubdomainPattern> config) {
    this.vertx = vertx;
    this.registry = registry;
    this.store = store;
    this.status = status;
    config.forEach(pattern -> registry.addSubdomainPattern(pattern, 0));
    this.fromConfig = config.stream().map(SubdomainPattern::pattern).collect(Collectors.toUnmodifiableSet());
  }

  /** Every pattern this node serves, longest first. */
  public List<SubdomainPattern> list() {
    return registry.subdomainPatterns();
  }

  /**
   * Registers a pattern for every node: {@code invalid_pattern}, {@code subdomain_conflict} with
   * a pattern of this node, or done once stored and served here. Registering the same again is a no-op.
   */
  public Future<SubdomainPattern> register(String pattern, List<String> hostTypes, String owner) {
    SubdomainPattern parsed;
    try {
      parsed = SubdomainPattern.parse(pattern, hostTypes, owner);
      if (fromConfig.contains(parsed.pattern())) {
        throw DomainError.SUBDOMAIN_CONFLICT.exception("Subdomain pattern " + parsed.pattern()
            + " comes from the node config");
      }
      registry.addSubdomainPattern(parsed, status.appliedEventId());
    } catch (DomainException e) {
      return Future.failedFuture(e);
    }
    storing.add(parsed.pattern());
    return store.register(parsed)
        .onComplete(x -> storing.remove(parsed.pattern()))
        .onFailure(failure -> registry.removeSubdomainPattern(parsed.pattern(), status.appliedEventId()))
        .onSuccess(x -> announce("registered", parsed))
        .map(parsed);
  }

  /** Unregisters a run-time pattern everywhere; {@code not_found} when no stored pattern has this text. */
  public Future<Void> unregister(String pattern) {
    String text;
    try {
      text = SubdomainPattern.parse(pattern, List.of("any"), null).pattern();
    } catch (DomainException e) {
      return Future.failedFuture(e);
    }
    if (fromConfig.contains(text)) {
      return Future.failedFuture(DomainError.STATIC.exception("Subdomain pattern " + text + " comes from the node config"));
    }
    return store.unregister(text).compose(found -> {
      SubdomainPattern removed = registry.removeSubdomainPattern(text, status.appliedEventId());
      if (!found && removed == null) {
        return Future.failedFuture(DomainError.NOT_FOUND.exception("No subdomain pattern " + text));
      }
      announce("unregistered", removed != null ? removed : SubdomainPattern.parse(text, List.of("any"), null));
      return Future.succeededFuture();
    });
  }

  /** Makes this node's run-time patterns those stored. */
  public Future<Void> refresh() {
    return store.patterns().map(stored -> {
      Map<String, SubdomainPattern> wanted = new HashMap<>();
      stored.stream().filter(p -> !fromConfig.contains(p.pattern())).forEach(p -> wanted.put(p.pattern(), p));
      long eventId = status.appliedEventId();
      for (SubdomainPattern held : registry.subdomainPatterns()) {
        if (!fromConfig.contains(held.pattern()) && !storing.contains(held.pattern())
            && !held.equals(wanted.get(held.pattern()))) {
          registry.removeSubdomainPattern(held.pattern(), eventId);
        }
      }
      for (SubdomainPattern pattern : wanted.values()) {
        try {
          if (registry.addSubdomainPattern(pattern, eventId)) {
            LOG.info("Subdomain pattern {} of {} for host types {} now served", pattern.pattern(), pattern.owner(),
                pattern.hostTypes());
          }
        } catch (DomainException e) {
          LOG.warn("Stored subdomain pattern {} not served here: {}", pattern.pattern(), e.getMessage());
        }
      }
      return null;
    });
  }

  private void announce(String what, SubdomainPattern pattern) {
    LOG.info("Subdomain pattern {} of {} for host types {} {}", pattern.pattern(), pattern.owner(),
        pattern.hostTypes(), what);
    vertx.eventBus().publish(SyncAddresses.SUBDOMAINS_CHANGED, pattern.pattern());
  }
}
