package org.domainregistry.siblings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.EventTables;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The change feed and its stream (README "REST admin API", change feed) on a real 3-node cluster:
 * paging in id order with each domain's state when read, never past an event still in flight,
 * {@code reload_needed} below the cleaned boundary, and the stream following live writes written
 * on another node and resuming with {@code Last-Event-ID}. The cleaning test runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeFeedTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final Pattern EVENT = Pattern.compile("id: (\\d+)\ndata: (\\{[^\n]*\\})\n\n");
  private String db;
  private TestCluster cluster;

  @BeforeAll
  void startCluster() {
    db = TestDatabase.createDatabase();
    cluster = new TestCluster(db, 3).start(Map.of("sync", Map.of("poll_interval_ms", 300, "gap_fill_delay_ms", 50),
        "feed", Map.of("stream_heartbeat_ms", 200, "stream_poll_ms", 50)));
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  @Test
  @Order(1)
  void pagesGiveEveryEventInIdOrderWithTheStateWhenRead() {
    Node node = cluster.node(0);
    long start = node.syncStatus().appliedEventId();
    Await.result(node.service().insert("feed-a.example", "type1"));
    Await.result(node.service().insert("feed-b.example", "type2"));
    Await.result(node.service().setEnabled("feed-b.example", false));
    Await.result(node.service().insert("feed-c.example", "type1"));
    Await.result(node.service().remove("feed-c.example", "type1"));
    List<JsonObject> items = new ArrayList<>();
    long after = start;
    RestClient rest = RestClient.of(cluster.node(1));
    Await.until("node 1 applied the writes", DEADLINE,
        () -> cluster.node(1).syncStatus().appliedEventId() >= node.syncStatus().appliedEventId());
    while (true) {
      JsonObject page = RestClient.json(rest.get("/api/events?after=" + after + "&limit=2"), 200);
      assertThat(page.getJsonArray("items").size()).isLessThanOrEqualTo(2);
      page.getJsonArray("items").forEach(item -> items.add((JsonObject) item));
      if (page.getLong("next") == after) {
        break;
      }
      after = page.getLong("next");
    }
    assertThat(items.stream().map(i -> i.getLong("id")).toList()).isSorted().doesNotHaveDuplicates();
    assertThat(items.stream().map(i -> i.getString("domain") + " " + i.getString("status")).distinct().toList())
        .containsExactly("feed-a.example enabled", "feed-b.example disabled", "feed-c.example removed");
    assertThat(items.get(0)).isEqualTo(new JsonObject().put("id", items.get(0).getLong("id"))
        .put("domain", "feed-a.example").put("host_type", "type1").put("status", "enabled"));
    RestClient.assertErrorCode(rest.get("/api/events?after=minus"), 400, "invalid_query");
  }

  @Test
  @Order(2)
  void theFeedNeverPassesAnEventStillInFlight() throws Exception {
    Node node = cluster.node(1);
    RestClient rest = RestClient.of(node);
    long before = node.syncStatus().appliedEventId();
    try (Connection held = TestDatabase.jdbc(db); Statement st = held.createStatement()) {
      held.setAutoCommit(false);
      st.execute("INSERT INTO domain_events (domain) VALUES ('in-flight.example')");
      Await.result(node.service().insert("after-gap.example", "type1"));
      JsonObject page = RestClient.json(rest.get("/api/events?after=" + before), 200);
      assertThat(page.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("domain")))
          .doesNotContain("after-gap.example");
      assertThat(page.getLong("next")).isEqualTo(before);
      held.commit();
    }
    Await.until("feed passes the committed gap", DEADLINE, () ->
        domains(RestClient.json(rest.get("/api/events?after=" + before), 200)).contains("after-gap.example"));
    assertThat(domains(RestClient.json(rest.get("/api/events?after=" + before), 200)))
        .containsExactly("in-flight.example", "after-gap.example");
  }

  @Test
  @Order(3)
  void theStreamFollowsLiveWritesAndResumesWithLastEventId() {
    Node reader = cluster.node(2);
    Node writer = cluster.node(0);
    long start = reader.syncStatus().appliedEventId();
    HttpClient client = reader.vertx().createHttpClient();
    StringBuffer received = new StringBuffer();
    HttpClientResponse response = open(client, reader, "/api/events/stream?after=" + start, null, received);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
    for (int i = 0; i < 3; i++) {
      Await.result(writer.service().insert("live-" + i + ".example", "type1"));
    }
    Await.until("three live events streamed", DEADLINE, () -> events(received).size() == 3);
    Await.until("a heartbeat", DEADLINE, () -> received.toString().contains(": heartbeat\n\n"));
    List<Long> firstIds = events(received).stream().map(e -> e.getLong("id")).toList();
    assertThat(events(received).stream().map(e -> e.getString("domain")))
        .containsExactly("live-0.example", "live-1.example", "live-2.example");
    Await.result(client.close());
    for (int i = 3; i < 5; i++) {
      Await.result(writer.service().insert("live-" + i + ".example", "type1"));
    }
    HttpClient again = reader.vertx().createHttpClient();
    StringBuffer resumed = new StringBuffer();
    open(again, reader, "/api/events/stream?after=0", String.valueOf(firstIds.get(2)), resumed);
    Await.until("the two missed events", DEADLINE, () -> events(resumed).size() == 2);
    assertThat(events(resumed).stream().map(e -> e.getString("domain")))
        .containsExactly("live-3.example", "live-4.example");
    assertThat(events(resumed).get(0).getLong("id")).isGreaterThan(firstIds.get(2));
    Await.result(again.close());
  }

  @Test
  @Order(4)
  void belowTheCleanedBoundaryTheAnswerIsReloadNeeded() {
    Node node = cluster.node(0);
    Await.result(node.service().insert("last-feed.example", "type1"));
    EventTables.cleanAllButTheNewest(node.vertx(), db);
    RestClient rest = RestClient.of(node);
    JsonObject gone = RestClient.json(rest.get("/api/events?after=1"), 410);
    assertThat(gone.getString("code")).isEqualTo("reload_needed");
    assertThat(gone.getString("message")).contains("were cleaned");
    long exportFrom = gone.getLong("export_event_id");
    assertThat(exportFrom).isEqualTo(node.syncStatus().appliedEventId());
    JsonObject fromExport = RestClient.json(rest.get("/api/events?after=" + exportFrom), 200);
    assertThat(fromExport.getJsonArray("items")).isEmpty();
    assertThat(RestClient.json(rest.get("/api/events/stream?after=1"), 410).getString("code")).isEqualTo("reload_needed");
  }

  @Test
  @Order(5)
  void theStreamReadsAtOnceWhenTheRegistryChangesNotOnlyOnItsTimer() {
    Node reader = TestNodes.start(TestNodes.config(db, Map.of("feed",
        Map.of("stream_poll_ms", 3_600_000, "stream_heartbeat_ms", 3_600_000))));
    try {
      HttpClient client = reader.vertx().createHttpClient();
      StringBuffer received = new StringBuffer();
      open(client, reader, "/api/events/stream?after=" + reader.syncStatus().appliedEventId(), null, received);
      Node writer = cluster.node(0);
      List<Future<?>> burst = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        burst.add(writer.service().insert("woken-" + i + ".example", "type2"));
      }
      Await.result(Future.all(burst));
      Await.until("every write of the burst streamed with the timer an hour away", DEADLINE,
          () -> events(received).size() == 40);
      assertThat(events(received).stream().map(e -> e.getString("domain")).distinct()).hasSize(40);
      assertThat(events(received).stream().map(e -> e.getLong("id")).toList()).isSorted();
      Await.result(client.close());
    } finally {
      Await.result(reader.stop());
    }
  }

  private static HttpClientResponse open(HttpClient client, Node node, String uri, String lastEventId,
                                         StringBuffer into) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
        .setPort(node.httpPort()).setURI(uri);
    if (lastEventId != null) {
      options.putHeader("Last-Event-ID", lastEventId);
    }
    return Await.result(client.request(options).compose(request -> request.send()).onSuccess(response ->
        response.handler(chunk -> into.append(chunk.toString()))));
  }

  private static List<JsonObject> events(StringBuffer stream) {
    List<JsonObject> events = new ArrayList<>();
    Matcher m = EVENT.matcher(stream.toString());
    while (m.find()) {
      JsonObject data = new JsonObject(m.group(2));
      assertThat(data.getLong("id")).isEqualTo(Long.parseLong(m.group(1)));
      events.add(data);
    }
    return events;
  }

  private static List<String> domains(JsonObject page) {
    JsonArray items = page.getJsonArray("items");
    return items.stream().map(i -> ((JsonObject) i).getString("domain")).toList();
  }
}
