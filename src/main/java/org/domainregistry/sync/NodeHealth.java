package org.domainregistry.sync;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * The node's health (README "Operating", health): three groups of vertx-health-check procedures,
 * one per Kubernetes probe. {@link #live} is the process, {@link #started} the first full load,
 * {@link #ready} loaded, not shutting down and (only with {@code health.ready_requires_database})
 * the database reachable. During a database outage ready stays UP by default, its data saying
 * {@code database: down} and {@code stale_since}: lookups are served from memory.
 */
public final class NodeHealth {
  private final HealthChecks live;
  private final HealthChecks started;
  private final HealthChecks ready;
  private final SyncStatus status;
  private final IntSupplier clusterSize;
  private final boolean readyRequiresDatabase;
  private volatile boolean shuttingDown;

  /** Health of a node in {@code status} with a cluster of {@code clusterSize} live members. */
  public NodeHealth(Vertx vertx, SyncStatus status, IntSupplier clusterSize, boolean readyRequiresDatabase) {
    this.status = status;
    this.clusterSize = clusterSize;
    this.readyRequiresDatabase = readyRequiresDatabase;
    this.live = HealthChecks.create(vertx).register("process", promise -> promise.complete(Status.OK()));
    this.started = HealthChecks.create(vertx)
        .register("loaded", promise -> promise.complete(loaded()));
    this.ready = HealthChecks.create(vertx)
        .register("loaded", promise -> promise.complete(loaded()))
        .register("database", promise -> promise.complete(database()))
        .register("serving", promise -> promise.complete(serving()));
  }

  /** {@code /health/live}: the process answers. */
  public HealthChecks live() {
    return live;
  }

  /** {@code /health/started}: the first full load of the registry is done. */
  public HealthChecks started() {
    return started;
  }

  /** {@code /health/ready}: loaded and serving (see the class comment for the database). */
  public HealthChecks ready() {
    return ready;
  }

  /** Marks the node as shutting down: ready goes DOWN from now on (README "Operating", shutdown). */
  public void markShuttingDown() {
    shuttingDown = true;
  }

  /** True once {@link #markShuttingDown} was called. */
  public boolean shuttingDown() {
    return shuttingDown;
  }

  private Status loaded() {
    JsonObject data = new JsonObject().put("loaded", status.loaded())
        .put("applied_event_id", status.appliedEventId())
        .put("lag", Math.max(0, status.dbMaxEventId() - status.appliedEventId()))
        .put("full_reloads", status.fullReloads());
    return status.loaded() ? Status.OK(data) : Status.KO(data);
  }

  private Status database() {
    Instant stale = status.staleSince();
    JsonObject data = new JsonObject().put("database", stale == null ? "up" : "down")
        .put("stale_since", stale == null ? null : stale.toString())
        .put("required", readyRequiresDatabase);
    return stale != null && readyRequiresDatabase ? Status.KO(data) : Status.OK(data);
  }

  private Status serving() {
    JsonObject data = new JsonObject().put("shutting_down", shuttingDown).put("cluster_size", clusterSize.getAsInt());
    return shuttingDown ? Status.KO(data) : Status.OK(data);
  }
}
