package org.domainregistry.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.domainregistry.node.Node;
import org.domainregistry.registry.DomainError;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event-bus API of README "Event-bus API" as a sibling service uses it: JSON requests on {@code domains.*},
 * JSON replies, and failures as {@link ReplyException}s carrying the {@link DomainError} failure
 * code and the message of README "Error codes". One node on real PostgreSQL; each test uses domains of its own.
 */
@ExtendWith(VertxExtension.class)
class DomainBusApiTest {
  private static Node node;
  private static Connection sql;

  @BeforeAll
  static void startNode() throws SQLException {
    String db = TestDatabase.createDatabase();
    sql = TestDatabase.jdbc(db);
    node = TestNodes.start(TestNodes.config(db, Map.of()));
  }

  @AfterAll
  static void stopNode() throws SQLException {
    sql.close();
    Await.result(node.stop());
  }

  @Test
  void aDomainsLifeOverTheBus(VertxTestContext ctx) {
    JsonObject pair = pair("Bus-Life.example", "type1");
    JsonObject domain = domain("bus-life.example");

    call(Addresses.INSERT, pair)
        .compose(reply -> verified(ctx, () -> {
          assertThat(reply).isEqualTo(domain);
          assertThat(node.registry().hostTypeOf("bus-life.example")).as("read-your-writes").isEqualTo("type1");
        }))
        .compose(x -> call(Addresses.INSERT, pair))
        .compose(reply -> verified(ctx, () -> assertThat(reply).isEqualTo(domain)))
        .compose(x -> call(Addresses.GET_HOST_TYPE, domain("BUS-LIFE.example")))
        .compose(reply -> verified(ctx, () -> assertThat(reply).isEqualTo(pair("bus-life.example", "type1"))))
        .compose(x -> call(Addresses.DETAILS, domain))
        .compose(reply -> verified(ctx, () -> assertThat(reply).isEqualTo(details("bus-life.example", "enabled"))))
        .compose(x -> call(Addresses.DISABLE, domain))
        .compose(reply -> verified(ctx, () -> {
          assertThat(reply).isEqualTo(domain);
          assertThat(node.registry().hostTypeOf("bus-life.example")).isNull();
        }))
        .compose(x -> call(Addresses.DETAILS, domain))
        .compose(reply -> verified(ctx, () -> assertThat(reply).isEqualTo(details("bus-life.example", "disabled"))))
        .compose(x -> call(Addresses.ENABLE, domain))
        .compose(reply -> verified(ctx, () -> {
          assertThat(reply).isEqualTo(domain);
          assertThat(node.registry().hostTypeOf("bus-life.example")).isEqualTo("type1");
        }))
        .compose(x -> call(Addresses.REMOVE, pair))
        .compose(reply -> verified(ctx, () -> {
          assertThat(reply).isEqualTo(domain);
          assertThat(node.registry().hostTypeOf("bus-life.example")).isNull();
        }))
        .compose(x -> call(Addresses.REMOVE, pair))
        .compose(reply -> verified(ctx, () -> assertThat(reply).as("removing an absent domain").isEqualTo(domain)))
        .compose(x -> call(Addresses.DETAILS, domain))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertFailure(failure, DomainError.NOT_FOUND, "Given domain does not exist");
          ctx.completeNow();
        })));
  }

  @Test
  void hostTypeQueriesAnswerFromTheRegistry(VertxTestContext ctx) {
    Await.result(node.service().insert("bus-query-1.example", "type2"));
    Await.result(node.service().insert("bus-query-2.example", "type2"));
    Await.result(node.service().insert("bus-query-off.example", "type2"));
    Await.result(node.service().setEnabled("bus-query-off.example", false));
    Checkpoint answers = ctx.checkpoint(5);

    call(Addresses.GET_DOMAINS_BY_HOST_TYPE, new JsonObject().put("host_type", "type2"))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.getString("host_type")).isEqualTo("type2");
          assertThat(reply.getJsonArray("domains").getList())
              .containsExactlyInAnyOrder("bus-query-1.example", "bus-query-2.example");
          answers.flag();
        })));
    call(Addresses.GET_DOMAINS_BY_HOST_TYPE, new JsonObject().put("host_type", "localhost"))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.getJsonArray("domains").getList()).containsExactly("localhost");
          answers.flag();
        })));
    call(Addresses.GET_DOMAINS_BY_HOST_TYPE, new JsonObject().put("host_type", "no such type"))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.getJsonArray("domains")).isEmpty();
          answers.flag();
        })));
    call(Addresses.GET_ALL_STATIC, new JsonObject())
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.fieldNames()).containsExactly("domains");
          assertThat(reply.getJsonArray("domains").getList()).containsExactlyInAnyOrder(
              pair("localhost", "localhost"), pair("static.example", "type1"));
          answers.flag();
        })));
    call(Addresses.DETAILS, domain("static.example"))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply).isEqualTo(new JsonObject().put("domain", "static.example").put("host_type", "type1")
              .put("status", "enabled").put("type", "static"));
          answers.flag();
        })));
  }

  @Test
  void everyErrorKindIsAReplyExceptionWithItsCodeAndMessage(VertxTestContext ctx) throws Throwable {
    Await.result(node.service().insert("bus-taken.example", "type1"));
    Await.result(node.service().insert("bus-off.example", "type1"));
    Await.result(node.service().setEnabled("bus-off.example", false));
    sqlRow("bus-deleting.example", "type1", 2);
    sqlRow("bus-legacy.example", "legacy", 1);
    String before = databaseState();

    List<Future<?>> failures = new ArrayList<>();
    Checkpoint failed = ctx.checkpoint(21);
    failures.add(expect(ctx, failed, Addresses.INSERT, pair("localhost", "localhost"), DomainError.STATIC,
        "Domain is static"));
    failures.add(expect(ctx, failed, Addresses.INSERT, pair("STATIC.example", "type1"), DomainError.STATIC,
        "Domain is static"));
    failures.add(expect(ctx, failed, Addresses.INSERT, pair("bus-new.example", "nope"),
        DomainError.UNKNOWN_HOST_TYPE, "Unknown host type"));
    failures.add(expect(ctx, failed, Addresses.INSERT, pair("bus-taken.example", "type2"), DomainError.DUPLICATE,
        "Domain already exists"));
    failures.add(expect(ctx, failed, Addresses.INSERT, pair("bus-deleting.example", "type1"),
        DomainError.DUPLICATE, "Domain already exists"));
    failures.add(expect(ctx, failed, Addresses.INSERT, pair("a b", "type1"), DomainError.INVALID_DOMAIN,
        "Invalid domain name"));
    failures.add(expect(ctx, failed, Addresses.REMOVE, pair("localhost", "localhost"), DomainError.STATIC,
        "Domain is static"));
    failures.add(expect(ctx, failed, Addresses.REMOVE, pair("bus-taken.example", "nope"),
        DomainError.UNKNOWN_HOST_TYPE, "Unknown host type"));
    failures.add(expect(ctx, failed, Addresses.REMOVE, pair("bus-taken.example", "type2"),
        DomainError.WRONG_HOST_TYPE, "Wrong host type was provided"));
    failures.add(expect(ctx, failed, Addresses.ENABLE, domain("localhost"), DomainError.STATIC,
        "Domain is static"));
    failures.add(expect(ctx, failed, Addresses.DISABLE, domain("static.example"), DomainError.STATIC,
        "Domain is static"));
    failures.add(expect(ctx, failed, Addresses.ENABLE, domain("bus-unknown.example"), DomainError.NOT_FOUND,
        "Given domain does not exist"));
    failures.add(expect(ctx, failed, Addresses.DISABLE, domain("bus-unknown.example"), DomainError.NOT_FOUND,
        "Given domain does not exist"));
    failures.add(expect(ctx, failed, Addresses.ENABLE, domain("bus-legacy.example"),
        DomainError.UNKNOWN_HOST_TYPE, "Unknown host type"));
    failures.add(expect(ctx, failed, Addresses.ENABLE, domain("bus-deleting.example"), DomainError.DELETED,
        "Domain has been deleted"));
    failures.add(expect(ctx, failed, Addresses.DISABLE, domain("%f3"), DomainError.INVALID_DOMAIN,
        "Invalid domain name"));
    failures.add(expect(ctx, failed, Addresses.DETAILS, domain("bus-unknown.example"), DomainError.NOT_FOUND,
        "Given domain does not exist"));
    failures.add(expect(ctx, failed, Addresses.DETAILS, domain("a".repeat(1024)), DomainError.INVALID_DOMAIN,
        "Invalid domain name"));
    failures.add(expect(ctx, failed, Addresses.GET_HOST_TYPE, domain("bus-unknown.example"),
        DomainError.NOT_FOUND, "Given domain does not exist"));
    failures.add(expect(ctx, failed, Addresses.GET_HOST_TYPE, domain("bus-off.example"), DomainError.NOT_FOUND,
        "Given domain does not exist"));
    failures.add(expect(ctx, failed, Addresses.GET_HOST_TYPE, domain("bus-legacy.example"),
        DomainError.NOT_FOUND, "Given domain does not exist"));

    awaitCompletion(ctx);
    assertThat(databaseState()).as("rejected requests change nothing").isEqualTo(before);
    assertThat(node.registry().hostTypeOf("bus-taken.example")).isEqualTo("type1");
    assertThat(node.registry().hostTypeOf("bus-off.example")).isNull();
    assertThat(node.registry().hostTypeOf("bus-new.example")).isNull();
  }

  @Test
  void invalidBodiesAreRefusedWithTheInvalidRequestCode(VertxTestContext ctx) throws Throwable {
    String before = databaseState();
    List<Object[]> requests = List.of(
        new Object[] {Addresses.INSERT, "not json"},
        new Object[] {Addresses.INSERT, Buffer.buffer(pair("bus-buffer.example", "type1").encode())},
        new Object[] {Addresses.INSERT, new JsonArray().add("bus-array.example").add("type1")},
        new Object[] {Addresses.INSERT, new JsonObject()},
        new Object[] {Addresses.INSERT, domain("bus-no-type.example")},
        new Object[] {Addresses.INSERT, new JsonObject().put("host_type", "type1")},
        new Object[] {Addresses.INSERT, new JsonObject().put("domain", 5).put("host_type", "type1")},
        new Object[] {Addresses.INSERT, new JsonObject().put("domain", "bus-num.example").put("host_type", 1)},
        new Object[] {Addresses.REMOVE, domain("bus-no-type.example")},
        new Object[] {Addresses.REMOVE, 42},
        new Object[] {Addresses.ENABLE, new JsonObject()},
        new Object[] {Addresses.DISABLE, "bus-plain.example"},
        new Object[] {Addresses.DETAILS, new JsonObject().put("name", "localhost")},
        new Object[] {Addresses.GET_HOST_TYPE, new JsonObject().put("domain", true)},
        new Object[] {Addresses.GET_DOMAINS_BY_HOST_TYPE, new JsonObject()},
        new Object[] {Addresses.GET_ALL_STATIC, "all"},
        new Object[] {Addresses.INSERT, pair("bus-wait.example", "type1").put("wait", "everyone")},
        new Object[] {Addresses.INSERT, pair("bus-wait.example", "type1").put("timeout_ms", 100)},
        new Object[] {Addresses.INSERT, pair("bus-wait.example", "type1").put("wait", "cluster").put("timeout_ms", 0)},
        new Object[] {Addresses.INSERT, pair("bus-wait.example", "type1").put("wait", "cluster")
            .put("timeout_ms", "soon")});
    Checkpoint refused = ctx.checkpoint(requests.size());
    for (Object[] request : requests) {
      node.vertx().eventBus().request((String) request[0], request[1])
          .onComplete(ctx.failing(failure -> ctx.verify(() -> {
            ReplyException reply = replyException(failure);
            assertThat(reply.failureCode()).as("%s %s", request[0], request[1])
                .isEqualTo(DomainError.INVALID_BODY.failureCode());
            assertThat(reply.getMessage()).isNotBlank();
            refused.flag();
          })));
    }

    awaitCompletion(ctx);
    assertThat(databaseState()).as("invalid requests change nothing").isEqualTo(before);
  }

  @Test
  void failureCodesAreTheDocumentedNumbers() {
    assertThat(List.of(DomainError.STATIC, DomainError.UNKNOWN_HOST_TYPE, DomainError.DUPLICATE,
            DomainError.NOT_FOUND, DomainError.WRONG_HOST_TYPE, DomainError.DELETED, DomainError.INVALID_DOMAIN,
            DomainError.INVALID_BODY, DomainError.DB_UNAVAILABLE, DomainError.TIMEOUT,
            DomainError.INVALID_QUERY, DomainError.CLEANUP_FAILED, DomainError.INTERNAL))
        .extracting(DomainError::failureCode)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 99);
    for (DomainError error : DomainError.values()) {
      assertThat(DomainError.ofFailureCode(error.failureCode())).isSameAs(error);
    }
  }

  // ---- helpers ----

  private static Future<JsonObject> call(String address, Object body) {
    return node.vertx().eventBus().<Object>request(address, body).map(Message::body).map(JsonObject.class::cast);
  }

  /** Runs the assertions inside {@code ctx.verify}; a failing one fails the test and stops the chain. */
  private static Future<Void> verified(VertxTestContext ctx, VertxTestContext.ExecutionBlock assertions) {
    ctx.verify(assertions);
    return ctx.failed() ? Future.failedFuture(ctx.causeOfFailure()) : Future.succeededFuture();
  }

  /** Sends a request that must fail with this error and message; flags the checkpoint when it does. */
  private static Future<?> expect(VertxTestContext ctx, Checkpoint checkpoint, String address, JsonObject body,
                                  DomainError error, String message) {
    return call(address, body).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertFailure(failure, error, message);
      checkpoint.flag();
    })));
  }

  private static void assertFailure(Throwable failure, DomainError error, String message) {
    ReplyException reply = replyException(failure);
    assertThat(reply.failureCode()).as("failure code of %s", message).isEqualTo(error.failureCode());
    assertThat(reply.getMessage()).isEqualTo(message);
  }

  private static ReplyException replyException(Throwable failure) {
    assertThat(failure).isInstanceOf(ReplyException.class);
    ReplyException reply = (ReplyException) failure;
    assertThat(reply.failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
    return reply;
  }

  private static void awaitCompletion(VertxTestContext ctx) throws Throwable {
    assertThat(ctx.awaitCompletion(20, TimeUnit.SECONDS)).as("all replies within 20 s").isTrue();
    if (ctx.failed()) {
      throw ctx.causeOfFailure();
    }
  }

  private static JsonObject pair(String domain, String hostType) {
    return new JsonObject().put("domain", domain).put("host_type", hostType);
  }

  private static JsonObject domain(String domain) {
    return new JsonObject().put("domain", domain);
  }

  private static JsonObject details(String domain, String status) {
    return new JsonObject().put("domain", domain).put("host_type", "type1").put("status", status)
        .put("type", "dynamic");
  }

  /** A row (and its event) written straight to the database, as another writer would; waits until applied. */
  private static void sqlRow(String domain, String hostType, int status) throws SQLException {
    long eventId;
    try (Statement st = sql.createStatement()) {
      st.execute("INSERT INTO domain_settings (domain, host_type, status) VALUES ('" + domain + "', '" + hostType
          + "', " + status + ")");
      try (ResultSet rs = st.executeQuery(
          "INSERT INTO domain_events (domain) VALUES ('" + domain + "') RETURNING id")) {
        rs.next();
        eventId = rs.getLong(1);
      }
    }
    Await.until("event " + eventId + " applied", Duration.ofSeconds(10),
        () -> node.syncStatus().appliedEventId() >= eventId);
  }

  /** Every row and the newest event id, as one comparable string. */
  private static String databaseState() throws SQLException {
    StringBuilder state = new StringBuilder();
    try (Statement st = sql.createStatement();
         ResultSet rs = st.executeQuery("SELECT domain || '|' || host_type || '|' || status FROM domain_settings "
             + "UNION ALL SELECT 'event ' || COALESCE(MAX(id), 0) FROM domain_events ORDER BY 1")) {
      while (rs.next()) {
        state.append(rs.getString(1)).append('\n');
      }
    }
    return state.toString();
  }
}
