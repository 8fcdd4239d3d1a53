package org.domainregistry.bus;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.domainregistry.registry.DomainRegistry;
import org.domainregistry.registry.RegistryChange;

/**
 * Publishes every change of this node's registry to consumers in this process at
 * {@code domains.changed} (README "Event-bus API", change notifications), through a registry
 * listener of its own, so that a slow consumer delays neither the poll nor other listeners.
 */
public final class ChangeBusVerticle extends VerticleBase {
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
  private final DomainRegistry registry;
  private AutoCloseable subscription;

  /** Publishes the changes of {@code registry}. */
  public ChangeBusVerticle(DomainRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    subscription = registry.changes().add(change -> vertx.eventBus().publish(Addresses.CHANGED, json(change), LOCAL));
    return Future.succeededFuture();
  }

  /** A change as the notifications show it. */
  static JsonObject json(RegistryChange change) {
    JsonObject body = new JsonObject().put("type", change.type().name().toLowerCase(Locale.ROOT))
        .put("event_id", change.eventId());
    if (change.type() != RegistryChange.Type.RELOADED) {
      body.put("domain", change.domain()).put("host_type", change.hostType())
          .put("source", change.source().name().toLowerCase(Locale.ROOT));
    }
    return body;
  }

  @Override
  public Future<?> stop() throws Exception {
    subscription.close();
    return Future.succeededFuture();
  }
}
