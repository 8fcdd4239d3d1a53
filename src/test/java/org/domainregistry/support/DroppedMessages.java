package org.domainregistry.support;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection on a node's event bus: drops a share of the messages it receives on some
 * addresses, for real, before any handler sees them.
 */
public final class DroppedMessages implements AutoCloseable {
  private final EventBus bus;
  private final Handler<DeliveryContext<Object>> interceptor;
  private final AtomicLong dropped = new AtomicLong();

  public DroppedMessages(EventBus bus, Set<String> addresses, double share, long seed) {
    this.bus = bus;
    Random random = new Random(seed);
    this.interceptor = ctx -> {
      boolean drop;
      synchronized (random) {
        drop = addresses.contains(ctx.message().address()) && random.nextDouble() < share;
      }
      if (drop) {
        dropped.incrementAndGet();
      } else {
        ctx.next();
      }
    };
    bus.addInboundInterceptor(interceptor);
  }

  public long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    bus.removeInboundInterceptor(interceptor);
  }
}
