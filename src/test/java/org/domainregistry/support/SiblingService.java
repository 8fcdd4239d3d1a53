package org.domainregistry.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.domainregistry.bus.Addresses;

/**
 * A sibling service for tests: a participant of the clustered event bus (its own Vert.x, or a
 * node's) whose cleanup handlers are registered over {@code domains.cleanup.register} and do what
 * the test scripts: succeed, fail, or hang until released. Every call is recorded, in order.
 */
public final class SiblingService {
  private final Vertx vertx;
  private final List<String> calls = new CopyOnWriteArrayList<>();

  public SiblingService(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The Vert.x whose event bus this service uses. */
  public Vertx vertx() {
    return vertx;
  }

  /** The calls received so far, as {@code "<handler> <domain> <host type>"}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** The calls received so far for one domain, as handler names. */
  public List<String> callsFor(String domain) {
    return calls.stream().filter(call -> call.split(" ", 3)[1].equals(domain))
        .map(call -> call.substring(0, call.indexOf(' '))).toList();
  }

  /**
   * Starts a handler consuming {@code address} and registers it over the bus, then registers it
   * again every {@link #HEARTBEAT_MS} (its heartbeat) for as long as this Vert.x lives.
   */
  public ScriptedHandler register(String name, List<String> hostTypes, int priority) {
    ScriptedHandler handler = new ScriptedHandler(name, "sibling." + name + "." + System.nanoTime());
    Await.result(handler.start());
    JsonObject registration = new JsonObject().put("name", name).put("host_types", new JsonArray(hostTypes))
        .put("priority", priority).put("address", handler.address);
    Await.result(vertx.eventBus().request(Addresses.CLEANUP_REGISTER, registration));
    vertx.setPeriodic(HEARTBEAT_MS, id -> vertx.eventBus().request(Addresses.CLEANUP_REGISTER, registration));
    return handler;
  }

  /** How often a handler's registration is renewed. */
  public static final long HEARTBEAT_MS = 1_000;

  /** A cleanup handler whose behaviour the test sets; succeeds until told otherwise. */
  public final class ScriptedHandler {
    private final String name;
    private final String address;
    private final List<Message<JsonObject>> hung = new ArrayList<>();
    private volatile String failure;
    private volatile boolean hang;
    private volatile Consumer<JsonObject> onCall = body -> {};
    private MessageConsumer<JsonObject> consumer;

    private ScriptedHandler(String name, String address) {
      this.name = name;
      this.address = address;
    }

    private Future<Void> start() {
      consumer = vertx.eventBus().consumer(address, this::handle);
      return consumer.completion();
    }

    private void handle(Message<JsonObject> message) {
      JsonObject body = message.body();
      onCall.accept(body);
      calls.add(name + " " + body.getString("domain") + " " + body.getString("host_type"));
      if (hang) {
        synchronized (hung) {
          hung.add(message);
        }
      } else if (failure != null) {
        message.fail(1, failure);
      } else {
        message.reply(new JsonObject());
      }
    }

    public String address() {
      return address;
    }

    /** From now on, replies with success. */
    public ScriptedHandler succeed() {
      failure = null;
      hang = false;
      return this;
    }

    /** From now on, fails with this message; so do the calls held so far. */
    public ScriptedHandler fail(String message) {
      failure = message;
      hang = false;
      synchronized (hung) {
        hung.forEach(held -> held.fail(1, message));
        hung.clear();
      }
      return this;
    }

    /** From now on, does not reply until {@link #release}. */
    public ScriptedHandler hang() {
      hang = true;
      return this;
    }

    /** Runs {@code check} on the body of every call, before replying. */
    public ScriptedHandler onCall(Consumer<JsonObject> check) {
      onCall = check;
      return this;
    }

    /** Replies with success to every call held so far and stops hanging. */
    public void release() {
      hang = false;
      synchronized (hung) {
        hung.forEach(message -> message.reply(new JsonObject()));
        hung.clear();
      }
    }

    /** Stops consuming, as when its service leaves the cluster, leaving the registration behind. */
    public void leave() {
      Await.result(consumer.unregister());
    }

    /** Consumes its address again, as when its service is back from a restart. */
    public void rejoin() {
      Await.result(start());
    }
  }
}
