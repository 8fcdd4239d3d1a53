package org.domainregistry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.domainregistry.bus.Addresses;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.support.Await;
import org.domainregistry.support.DbDigest;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;

/**
 * The hostile-input suite of issue 11 (README "Security", "Tests"): REST, GraphQL and event-bus
 * requests built from {@link HostileInputs}, the undecodable ones on a raw socket
 * ({@link RawHttp}), the CLI in {@link HostileCliTest}. Every refused request gets a 4xx with a
 * JSON code and message (a typed failure on the bus), never a 5xx or a stack trace, and leaves
 * PostgreSQL as it was; the node answers at the end.
 */
class HostileInputTest {
  static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));
  private static final Map<String, AtomicInteger> COUNTS = new java.util.concurrent.ConcurrentHashMap<>();
  /** A Java class name of an exception, as a stack trace or a leaked message would show it. */
  private static final String STACK_TRACE = "[a-z]+\\.[a-z.]+\\.[A-Za-z]*(Exception|Error)";
  private static Node node;
  private static WebClient client;
  private static Connection sql;

  @BeforeContainer
  static void startNode() throws SQLException {
    String db = TestDatabase.createDatabase();
    sql = TestDatabase.jdbc(db);
    node = TestNodes.start(TestNodes.config(db, Map.of("admin", Map.of("username", "admin", "password", "secret"))));
    client = WebClient.create(node.vertx());
  }

  @AfterContainer
  static void nodeIsHealthy() throws SQLException {
    HttpResponse<Buffer> lookup = Await.result(client.get(node.httpPort(), "127.0.0.1", "/api/lookup/localhost")
        .putHeader("Authorization", ADMIN).send());
    System.out.println("Hostile inputs per face: " + COUNTS);
    sql.close();
    Await.result(node.stop());
    assertThat(lookup.statusCode()).isEqualTo(200);
  }

  @Property(tries = 3000, shrinking = ShrinkingMode.OFF)
  void restRequests(@ForAll("methods") HttpMethod method, @ForAll("paths") String path, @ForAll("bodies") String body,
                    @ForAll("contentTypes") String contentType, @ForAll("authorizations") String authorization) {
    HttpRequest<Buffer> request = client.request(method, node.httpPort(), "127.0.0.1", path);
    if (!contentType.isEmpty()) {
      request.putHeader("Content-Type", contentType);
    }
    send(request, authorization, body, false);
    COUNTS.computeIfAbsent("rest", k -> new AtomicInteger()).incrementAndGet();
  }

  @Property(tries = 2500, shrinking = ShrinkingMode.OFF)
  void graphqlRequests(@ForAll("graphqlBodies") String body, @ForAll("authorizations") String authorization) {
    send(client.post(node.httpPort(), "127.0.0.1", "/api/graphql").putHeader("Content-Type", "application/json"),
        authorization, body, true);
    COUNTS.computeIfAbsent("graphql", k -> new AtomicInteger()).incrementAndGet();
  }

  @Property(tries = 2500, shrinking = ShrinkingMode.OFF)
  void busRequests(@ForAll("addresses") String address, @ForAll("busBodies") Object body) {
    String before = DbDigest.of(sql);
    Throwable failure = Await.result(node.vertx().eventBus().request(address, body, new DeliveryOptions()
        .setSendTimeout(60_000)).map(reply -> (Throwable) null).otherwise(f -> f));
    if (failure != null) {
      assertThat(failure).isInstanceOf(ReplyException.class);
      ReplyException reply = (ReplyException) failure;
      assertThat(DomainError.ofFailureCode(reply.failureCode())).as(reply.getMessage()).isNotEqualTo(DomainError.INTERNAL);
      assertThat(reply.getMessage()).isNotBlank().doesNotContain("\tat ").doesNotContainPattern(STACK_TRACE);
      assertThat(DbDigest.of(sql)).isEqualTo(before);
    }
    COUNTS.computeIfAbsent("bus", k -> new AtomicInteger()).incrementAndGet();
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
  void undecodableRequestsOnARawSocket(@ForAll("rawRequests") String requestLine) {
    String before = DbDigest.of(sql);
    RawHttp.Response response = RawHttp.send(node.httpPort(), requestLine, ADMIN);
    assertThat(response.status()).as(requestLine + " -> " + response.text()).isBetween(200, 499);
    if (response.status() >= 400) {
      JsonObject json = new JsonObject(response.body());
      assertThat(json.getString("code")).isNotBlank();
      assertThat(json.getString("message")).isNotBlank();
      assertThat(DbDigest.of(sql)).isEqualTo(before);
    }
    COUNTS.computeIfAbsent("raw-http", k -> new AtomicInteger()).incrementAndGet();
  }

  private static void send(HttpRequest<Buffer> request, String authorization, String body, boolean graphql) {
    String before = DbDigest.of(sql);
    if (!authorization.isEmpty()) {
      request.putHeader("Authorization", authorization);
    }
    assertRefusedCleanly(Await.result(request.sendBuffer(Buffer.buffer(body))), graphql, before);
  }

  private static void assertRefusedCleanly(HttpResponse<Buffer> response, boolean graphql, String before) {
    String text = response.bodyAsString() == null ? "" : response.bodyAsString();
    assertThat(response.statusCode()).as(text).isBetween(200, 499);
    assertThat(text).doesNotContain("\tat ").doesNotContainPattern(STACK_TRACE).doesNotContainIgnoringCase("<html");
    boolean refused = response.statusCode() >= 400 || graphql && text.contains("\"errors\"");
    if (refused) {
      JsonObject json = new JsonObject(text);
      boolean graphqlShape = json.containsKey("errors");
      JsonObject error = graphqlShape ? json.getJsonArray("errors").getJsonObject(0) : json;
      String code = graphqlShape ? error.getJsonObject("extensions").getString("code") : error.getString("code");
      assertThat(code).as(text).isNotBlank().isNotEqualTo("internal");
      assertThat(error.getString("message")).as(text).isNotBlank();
      if (response.statusCode() >= 400 || !json.containsKey("data") || json.getValue("data") == null) {
        assertThat(DbDigest.of(sql)).as(text).isEqualTo(before);
      }
    }
  }

  @Provide
  Arbitrary<HttpMethod> methods() {
    return Arbitraries.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.POST,
        HttpMethod.OPTIONS);
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> encoded = HostileInputs.text().map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8));
    return Arbitraries.oneOf(encoded.map(t -> "/api/domains/" + t), encoded.map(t -> "/api/lookup/" + t),
        Arbitraries.of("after", "host_type", "status", "limit", "wait", "timeout_ms")
            .flatMap(p -> encoded.map(t -> "/api/domains?" + p + "=" + t)),
        encoded.map(t -> "/api/domains/a.example?wait=" + t), encoded.map(t -> "/api/" + t),
        Arbitraries.of("/api/sync", "/api/domains", "/api/graphql", "/metrics", "/", "/api/domains/"));
  }

  @Provide
  Arbitrary<String> bodies() {
    return HostileInputs.json();
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("application/json", "application/json", "", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/graphql", "\u00e9/\u00e9");
  }

  @Provide
  Arbitrary<String> authorizations() {
    return HostileInputs.authorization(ADMIN).map(a -> a == null ? "" : a);
  }

  @Provide
  Arbitrary<String> graphqlBodies() {
    return GraphQLInputs.bodies();
  }

  @Provide
  Arbitrary<String> addresses() {
    return Arbitraries.of(Addresses.INSERT, Addresses.REMOVE, Addresses.ENABLE, Addresses.DISABLE, Addresses.DETAILS,
        Addresses.GET_HOST_TYPE, Addresses.GET_DOMAINS_BY_HOST_TYPE, Addresses.GET_ALL_STATIC,
        Addresses.CLEANUP_REGISTER, Addresses.CLEANUP_UNREGISTER, Addresses.CLEANUP_LIST);
  }

  @Provide
  Arbitrary<Object> busBodies() {
    return Arbitraries.oneOf(HostileInputs.value(3).map(HostileInputTest::decoded),
        HostileInputs.text().map(t -> (Object) t), Arbitraries.integers().map(i -> (Object) i));
  }

  @Provide
  Arbitrary<String> rawRequests() {
    return RawHttp.requestLines();
  }

  private static Object decoded(String json) {
    try {
      Object value = io.vertx.core.json.Json.decodeValue(json);
      boolean sendable = value == null || value instanceof JsonObject || value instanceof io.vertx.core.json.JsonArray
          || value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Double
          || value instanceof Boolean;
      return sendable ? value : json;
    } catch (RuntimeException e) {
      return json;
    }
  }
}
