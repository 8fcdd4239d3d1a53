package org.domainregistry.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * HTTP/1.1 on a plain socket, for requests no HTTP client would send: undecodable percent escapes,
 * raw non-ASCII bytes and odd methods in the request line.
 */
final class RawHttp {
  private static final int TIMEOUT_MS = 60_000;

  private RawHttp() {}

  /** What the node answered: the status and the body. */
  record Response(int status, String text) {
    String body() {
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? "" : text.substring(end + 4);
    }
  }

  /** Request lines such as {@code GET /api/domains/%zz HTTP/1.1}. */
  static Arbitrary<String> requestLines() {
    Arbitrary<String> target = Arbitraries.oneOf(
        Arbitraries.of("%", "%zz", "%e", "%C0%AF", "%ED%A0%80", "%FF%FE", "%00", "%2F..%2F", "a%", "%%41")
            .map(t -> "/api/domains/" + t),
        Arbitraries.of("%", "%zz", "%FF", "%00", "a%g0").map(t -> "/api/domains?after=" + t),
        Arbitraries.strings().withCharRange('\u0080', '\u00ff').ofMinLength(1).ofMaxLength(8)
            .map(t -> "/api/domains/" + t),
        Arbitraries.strings().withChars("%/.?#&=;").ofMinLength(1).ofMaxLength(12).map(t -> "/api/" + t));
    return Arbitraries.of("GET", "PUT", "DELETE", "PATCH").flatMap(method -> target.map(t -> method + " " + t));
  }

  /** Sends {@code requestLine} with an empty JSON body and reads the whole answer. */
  static Response send(int port, String requestLine, String authorization) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      String head = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
          + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      String text = answer.toString(StandardCharsets.UTF_8);
      int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
      return new Response(status, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
