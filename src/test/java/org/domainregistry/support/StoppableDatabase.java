package org.domainregistry.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server of one test's own, to stop, kill and start again for real (same data, same
 * port), for fault injection.
 */
public final class StoppableDatabase implements AutoCloseable {
  private final Path dataDir;
  private final int port;
  private final String listenAddresses;
  private EmbeddedPostgres server;

  /** A server on loopback only. */
  public StoppableDatabase() {
    this("127.0.0.1", List.of());
  }

  /**
   * A server listening on {@code listenAddresses} (PostgreSQL's comma-separated list) that trusts
   * clients of {@code trustedNetworks} (CIDR) besides loopback.
   */
  public StoppableDatabase(String listenAddresses, List<String> trustedNetworks) {
    this.listenAddresses = listenAddresses;
    try {
      dataDir = Files.createTempDirectory("registry-pg-");
      port = TestCluster.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
    if (!trustedNetworks.isEmpty()) {
      trust(trustedNetworks);
    }
  }

  public String url() {
    return url("127.0.0.1");
  }

  /** The URL of the server reached at {@code host}, one of its listen addresses. */
  public String url(String host) {
    return "postgresql://postgres@" + host + ":" + port + "/postgres";
  }

  public int port() {
    return port;
  }

  /** Starts the server on its data directory and port (blocking); after a kill, it recovers first. */
  public synchronized void start() {
    try {
      server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
          .setPort(port).setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "on")
          .setServerConfig("listen_addresses", listenAddresses)
          .setServerConfig("max_connections", "200").setPGStartupWait(Duration.ofSeconds(60)).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (blocking); connections are cut. */
  public synchronized void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Kills the postmaster and every backend with SIGKILL, as a crash would: no shutdown checkpoint,
   * so the next {@link #start} runs crash recovery.
   */
  public synchronized void kill() {
    try {
      killServer(dataDir);
      ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()))
          .forEach(ProcessHandle::destroyForcibly);
      server.close(); // its pg_ctl stop finds nothing to stop; this releases the data directory's lock
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * SIGKILL to the postmaster of the server on {@code dataDir} and to every backend, waiting until
   * all are gone (no backend may still hold the shared memory when the server starts again).
   */
  public static void killServer(Path dataDir) throws IOException {
    long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    ProcessHandle.of(postmaster).ifPresent(process -> {
      List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
      all.add(process);
      all.forEach(ProcessHandle::destroyForcibly);
      all.forEach(handle -> handle.onExit().join());
    });
  }

  /** Trusts clients of these networks (CIDR) from now on. */
  public void trust(List<String> networks) {
    try {
      StringBuilder lines = new StringBuilder("\n");
      networks.forEach(network -> lines.append("host all all ").append(network).append(" trust\n"));
      Files.writeString(dataDir.resolve("pg_hba.conf"), lines, StandardOpenOption.APPEND);
      TestDatabase.execute(url(), "SELECT pg_reload_conf()");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
