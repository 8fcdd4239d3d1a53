package org.domainregistry.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A TCP relay between the nodes and PostgreSQL that can add latency: while {@link #lag} is set,
 * every chunk of bytes waits that long before it is passed on, in both directions. The kernel here
 * has no {@code sch_netem}, so this is how the suite adds latency (README "Fault testing").
 */
final class LaggyLink implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
  private volatile long lagMillis;

  /** Relays {@code host}:(a free port) to 127.0.0.1:{@code targetPort}. */
  LaggyLink(String host, int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "laggy-link-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Every chunk waits {@code millis} from now on (0: none). */
  void lag(long millis) {
    lagMillis = millis;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream;
        try {
          upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        } catch (IOException refused) {
          client.close(); // the database is down: the node sees its connection refused, as it would
          continue;
        }
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[16_384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          long lag = lagMillis;
          if (lag > 0) {
            Thread.sleep(lag); // the injected latency itself
          }
          out.write(buffer, 0, read);
        }
      } catch (IOException | InterruptedException e) {
        // one side went away: closing both below ends the other pump too
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "laggy-link-pump");
    pump.setDaemon(true);
    pump.start();
  }

  private static void closeQuietly(java.io.Closeable socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closeQuietly(server);
    sockets.forEach(LaggyLink::closeQuietly);
  }
}
