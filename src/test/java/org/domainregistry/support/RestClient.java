package org.domainregistry.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.domainregistry.api.HttpErrors;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;

/**
 * Blocking HTTP calls to a node's admin API for tests (never call from an event loop). Every
 * response is checked to carry no stack trace; error bodies are checked to be exactly
 * {@code {"code", "message"}}.
 */
public final class RestClient {
  private final WebClient client;
  private final int port;
  private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();

  private RestClient(WebClient client, int port) {
    this.client = client;
    this.port = port;
  }

  /** A client of the node's HTTP port, running on the node's Vert.x. */
  public static RestClient of(Node node) {
    return new RestClient(WebClient.create(node.vertx()), node.httpPort());
  }

  /** Sends this header with every later request (e.g. {@code Authorization}). */
  public RestClient withHeader(String name, String value) {
    headers.set(name, value);
    return this;
  }

  /** {@code /api/domains/<domain>} with the domain percent-encoded as UTF-8. */
  public static String domainPath(String domain) {
    return "/api/domains/" + encode(domain);
  }

  /** {@code /api/lookup/<domain>} with the domain percent-encoded as UTF-8. */
  public static String lookupPath(String domain) {
    return "/api/lookup/" + encode(domain);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public HttpResponse<Buffer> get(String uri) {
    return send(HttpMethod.GET, uri, null);
  }

  public HttpResponse<Buffer> put(String uri, JsonObject body) {
    return send(HttpMethod.PUT, uri, body.toBuffer());
  }

  public HttpResponse<Buffer> patch(String uri, JsonObject body) {
    return send(HttpMethod.PATCH, uri, body.toBuffer());
  }

  public HttpResponse<Buffer> delete(String uri, JsonObject body) {
    return send(HttpMethod.DELETE, uri, body.toBuffer());
  }

  /** Sends a raw body (null for none); the URI is sent exactly as given. */
  public HttpResponse<Buffer> send(HttpMethod method, String uri, Buffer body) {
    HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", uri).putHeaders(headers);
    if (body != null) {
      request.putHeader("Content-Type", "application/json");
    }
    HttpResponse<Buffer> response = Await.result(body == null ? request.send() : request.sendBuffer(body));
    String text = response.bodyAsString();
    if (text != null) {
      assertThat(text).as("body of %s %s", method, uri)
          .doesNotContain("Exception").doesNotContain("\tat ").doesNotContainIgnoringCase("<html");
    }
    return response;
  }

  /** The JSON object body of a response, checking its status and content type. */
  public static JsonObject json(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as("status; body %s", response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    return response.bodyAsJsonObject();
  }

  /** Checks a bodiless success. */
  public static void noContent(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as("status; body %s", response.bodyAsString()).isEqualTo(status);
    assertThat(response.body() == null ? 0 : response.body().length()).as("body length").isZero();
  }

  /** Checks an error answer carrying the error's status, code and its exact default message. */
  public static void assertError(HttpResponse<Buffer> response, DomainError error) {
    assertError(response, HttpErrors.status(error), error.code(), error.message());
  }

  /** Checks an error answer: status, and a body of exactly {@code code} and {@code message}. */
  public static JsonObject assertError(HttpResponse<Buffer> response, int status, String code, String message) {
    JsonObject body = assertErrorCode(response, status, code);
    assertThat(body.getString("message")).isEqualTo(message);
    return body;
  }

  /** Checks an error answer whose message is a detail: status, code, a non-blank message. */
  public static JsonObject assertErrorCode(HttpResponse<Buffer> response, int status, String code) {
    JsonObject body = json(response, status);
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("code", "message");
    assertThat(body.getString("code")).isEqualTo(code);
    assertThat(body.getString("message")).isNotBlank();
    return body;
  }
}
