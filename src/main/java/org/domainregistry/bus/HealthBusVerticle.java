package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import org.domainregistry.registry.DomainError;
import org.domainregistry.sync.NodeHealth;

/**
 * The node's health over the event bus (README "Operating", health): {@link Addresses#HEALTH}
 * answers in this JVM, {@link Addresses#nodeHealth} from anywhere in the cluster. The body
 * {@code {"probe": "live" | "started" | "ready"}} (ready when absent) gets the same JSON as the HTTP
 * endpoint: {@code status}, {@code outcome}, {@code checks} with their data.
 */
public final class HealthBusVerticle extends VerticleBase {
  private final NodeHealth health;
  private final String nodeId;

  /** Answers with {@code health} of node {@code nodeId}. */
  public HealthBusVerticle(NodeHealth health, String nodeId) {
    this.health = health;
    this.nodeId = nodeId;
  }

  @Override
  public Future<?> start() {
    return Future.join(
        vertx.eventBus().<JsonObject>localConsumer(Addresses.HEALTH, message -> answer(message)).completion(),
        vertx.eventBus().<JsonObject>consumer(Addresses.nodeHealth(nodeId), message -> answer(message)).completion());
  }

  private void answer(io.vertx.core.eventbus.Message<JsonObject> message) {
    String probe = message.body() == null ? "ready" : message.body().getString("probe", "ready");
    HealthChecks checks = switch (probe) {
      case "live" -> health.live();
      case "started" -> health.started();
      case "ready" -> health.ready();
      default -> null;
    };
    if (checks == null) {
      message.fail(DomainError.INVALID_BODY.failureCode(), "probe must be live, started or ready");
      return;
    }
    checks.checkStatus().onSuccess(result -> message.reply(result.toJson().put("node", nodeId)))
        .onFailure(failure -> message.fail(DomainError.INTERNAL.failureCode(), failure.getMessage()));
  }
}
