package org.domainregistry.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.domainregistry.config.NodeConfig;

/**
 * Sends one GraphQL request to the admin API of the node a configuration describes
 * ({@code http.host}, {@code http.port}), with its admin credentials when it has any, over HTTPS
 * trusting {@code http.tls.cert_path} when the node has TLS. Blocking.
 */
final class NodeClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private final URI endpoint;
  private final NodeConfig config;

  NodeClient(NodeConfig config) {
    this.config = config;
    this.endpoint = URI.create((config.http().tls().isPresent() ? "https://" : "http://") + reachableHost(config.http().host()) + ":" + config.http().port() + "/api/graphql");
  }

  /** Where requests go. */
  URI endpoint() {
    return endpoint;
  }

  /** Another path of the node, e.g. {@code /api/domains/export}. */
  URI uri(String path) {
    return endpoint.resolve(path);
  }

  /** The request with the configured admin's credentials, when there are some. */
  HttpRequest.Builder authorized(HttpRequest.Builder request) {
    config.admin().ifPresent(admin -> request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8))));
    return request;
  }

  /** A client with the CLI's connect timeout. */
  static HttpClient http() {
    return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** What the node answered. */
  record Response(int status, String body) {
    /** HTTP 200 and a JSON body without errors. */
    boolean succeeded() {
      return status == 200 && json() != null && json().getJsonArray("errors") == null;
    }

    /** The body, pretty-printed when it is JSON. */
    String pretty() {
      return json() == null ? body : json().encodePrettily();
    }

    private JsonObject json() {
      try {
        return new JsonObject(body);
      } catch (DecodeException | ClassCastException e) {
        return null;
      }
    }
  }

  /**
   * Runs a GraphQL document with its variables.
   *
   * @throws IOException when the node cannot be reached
   */
  Response execute(String document, Map<String, Object> variables) throws IOException, InterruptedException {
    String body = new JsonObject().put("query", document).put("variables", new JsonObject(variables)).encode();
    return send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /**
   * GETs a REST path of the node, e.g. {@code /api/verify}.
   *
   * @throws IOException when the node cannot be reached
   */
  Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET());
  }

  private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    request.timeout(REQUEST_TIMEOUT);
    config.admin().ifPresent(admin -> request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8))));
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
    if (config.http().tls().isPresent()) {
      builder.sslContext(CliTls.trusting(config.http().tls().get().certPath()));
    }
    HttpClient client = builder.build();
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), response.body());
  }

  /** A wildcard listen address is reached on loopback. */
  private static String reachableHost(String host) {
    return switch (host) {
      case "0.0.0.0", "" -> "127.0.0.1";
      case "::", "[::]" -> "[::1]";
      default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    };
  }
}
