package org.domainregistry.service;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.domainregistry.registry.DomainDetails;
import org.domainregistry.registry.RemovalProgress;
import org.domainregistry.registry.SubdomainMatch;
import org.domainregistry.removal.Removals;
import org.domainregistry.store.RemovalJob;

/** JSON shapes shared by the REST and event-bus APIs (README "REST admin API", "Event-bus API"). */
public final class DomainJson {
  private DomainJson() {}

  /**
   * {@code {domain, host_type, status, type}}, plus {@code removal: {attempts, last_error,
   * next_attempt_at, running}} while a removal job exists.
   */
  public static JsonObject details(DomainDetails details) {
    JsonObject json = new JsonObject()
        .put("domain", details.domain())
        .put("host_type", details.hostType())
        .put("status", details.status().jsonName())
        .put("type", details.type());
    details.removal().ifPresent(removal -> json.put("removal", removal(removal)));
    return json;
  }

  private static JsonObject removal(RemovalProgress removal) {
    return new JsonObject()
        .put("attempts", removal.attempts())
        .put("last_error", removal.lastError())
        .put("next_attempt_at", removal.nextAttemptAt().toString())
        .put("running", removal.running())
        .put("handlers_done", removal.handlersDone())
        .put("handlers_total", removal.handlersTotal());
  }

  /**
   * {@code {domain, host_type, attempts, last_error, next_attempt_at, running, node}}: a removal job,
   * {@code node} being the node whose lease it is under (null between attempts).
   */
  public static JsonObject removalJob(RemovalJob job) {
    String node = job.lockedBy() == null ? null : Removals.nodeOf(job.lockedBy());
    return new JsonObject().put("domain", job.domain()).put("host_type", job.hostType())
        .put("attempts", job.attempts()).put("last_error", job.lastError())
        .put("next_attempt_at", job.nextAttemptAt().toString()).put("running", job.running()).put("node", node)
        .put("handlers_done", job.handlersDone()).put("handlers_total", job.handlersTotal());
  }

  /** {@code {domain, host_type, source}}: what a sibling service sees for the domain. */
  public static JsonObject lookup(String domain, String hostType, boolean isStatic) {
    return new JsonObject().put("domain", domain).put("host_type", hostType)
        .put("source", isStatic ? "static" : "dynamic");
  }

  /** A subdomain as lookups answer it: {@code source} {@code subdomain}, with its {@code parent} and {@code pattern}. */
  public static JsonObject subdomain(SubdomainMatch match) {
    return new JsonObject().put("domain", match.domain()).put("host_type", match.hostType())
        .put("source", "subdomain").put("parent", match.parent()).put("pattern", match.pattern().pattern());
  }

  /** {@code [{domain, host_type}]} of the static pairs. */
  public static JsonArray pairs(Map<String, String> pairs) {
    JsonArray array = new JsonArray();
    pairs.forEach((domain, hostType) -> array.add(new JsonObject().put("domain", domain).put("host_type", hostType)));
    return array;
  }
}
