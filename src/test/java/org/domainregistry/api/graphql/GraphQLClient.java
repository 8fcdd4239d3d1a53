package org.domainregistry.api.graphql;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Blocking HTTP client of a test node's admin API: GraphQL requests and plain REST calls, with or without credentials. */
final class GraphQLClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  private final String credentials;

  GraphQLClient(int port, String credentials) {
    this.port = port;
    this.credentials = credentials;
  }

  /** The same node, as another user ({@code user:password}), or anonymous with null. */
  GraphQLClient as(String otherCredentials) {
    return new GraphQLClient(port, otherCredentials);
  }

  /** A node's answer. */
  record Reply(int status, String text) {
    JsonObject body() {
      return new JsonObject(text);
    }

    /** {@code data.domain.<command>}. */
    Object data(String command) {
      return body().getJsonObject("data").getJsonObject("domain").getValue(command);
    }

    JsonObject object(String command) {
      return (JsonObject) data(command);
    }

    JsonArray array(String command) {
      return (JsonArray) data(command);
    }

    JsonObject firstError() {
      return body().getJsonArray("errors").getJsonObject(0);
    }

    /** The code of the first error, or null when there is none. */
    String errorCode() {
      return hasErrors() ? firstError().getJsonObject("extensions").getString("code") : null;
    }

    String errorMessage() {
      return firstError().getString("message");
    }

    boolean hasErrors() {
      return body().containsKey("errors");
    }
  }

  Reply graphql(String query) {
    return graphql(query, new JsonObject());
  }

  Reply graphql(String query, JsonObject variables) {
    return send("POST", "/api/graphql", new JsonObject().put("query", query).put("variables", variables).encode());
  }

  Reply send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (credentials != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
