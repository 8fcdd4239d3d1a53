package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.assertError;
import static org.domainregistry.support.RestClient.assertErrorCode;
import static org.domainregistry.support.RestClient.domainPath;
import static org.domainregistry.support.RestClient.json;
import static org.domainregistry.support.RestClient.lookupPath;
import static org.domainregistry.support.RestClient.noContent;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the REST admin API (README "REST admin API") over real HTTP against one node on real
 * PostgreSQL: successes, every error with its exact body, and proof that rejected requests change
 * nothing. Each test uses domain names of its own, so tests share the node without interfering.
 */
class DomainRestApiTest {
  private static final int MAX_BODY_BYTES = 1024;
  private static Node node;
  private static RestClient api;
  private static String db;
  private static Connection sql;

  @BeforeAll
  static void startNode() throws SQLException {
    db = TestDatabase.createDatabase();
    sql = TestDatabase.jdbc(db);
    node = TestNodes.start(TestNodes.config(db, Map.of(
        "http", Map.of("host", "127.0.0.1", "port", 0, "max_body_bytes", MAX_BODY_BYTES),
        "host_types", List.of("type1", "type2", "dummy auth", "listed"))));
    api = RestClient.of(node);
  }

  @AfterAll
  static void stopNode() throws SQLException {
    sql.close();
    Await.result(node.stop());
  }

  // ---- PUT /api/domains/{domain} ----

  @Test
  void putCreatesAnEnabledDynamicDomainThatTheNodeServesAtOnce() {
    long appliedBefore = appliedEventId();

    noContent(api.put(domainPath("put-new.example"), hostType("type1")), 204);

    assertLookup("put-new.example", "type1", "dynamic");
    assertDetails("put-new.example", "type1", "enabled", "dynamic");
    assertThat(appliedEventId()).isGreaterThan(appliedBefore).isEqualTo(maxEventIdInDatabase());
  }

  @Test
  void putAcceptsAHostTypeWithASpace() {
    noContent(api.put(domainPath("put-space.example"), hostType("dummy auth")), 204);

    assertLookup("put-space.example", "dummy auth", "dynamic");
  }

  @Test
  void puttingTheSamePairAgainSucceedsWithoutANewEvent() {
    insert("put-twice.example", "type1");

    assertChangesNothing(() -> api.put(domainPath("put-twice.example"), hostType("type1")),
        response -> noContent(response, 204));
    assertDetails("put-twice.example", "type1", "enabled", "dynamic");
  }

  @Test
  void puttingADisabledPairAgainLeavesItDisabled() {
    insert("put-disabled.example", "type1");
    setEnabled("put-disabled.example", false);

    assertChangesNothing(() -> api.put(domainPath("put-disabled.example"), hostType("type1")),
        response -> noContent(response, 204));
    assertDetails("put-disabled.example", "type1", "disabled", "dynamic");
    assertNotServed("put-disabled.example");
  }

  @Test
  void putRejectsInvalidDomainNames() {
    for (String rawPath : List.of("/api/domains/%f3", "/api/domains/" + "a".repeat(1024), "/api/domains/a%20b",
        "/api/domains/-a.example", "/api/domains/a..example")) {
      assertChangesNothing(() -> api.send(HttpMethod.PUT, rawPath, hostType("type1").toBuffer()),
          response -> assertError(response, 400, "invalid_domain", "Invalid domain name"));
    }
  }

  @Test
  void anEmptyDomainNameIsAnInvalidDomain() {
    for (var method : List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.GET)) {
      assertError(api.send(method, "/api/domains/", hostType("type1").toBuffer()), 400, "invalid_domain",
          "Invalid domain name");
    }
  }

  @Test
  void putRejectsInvalidBodies() {
    String path = domainPath("put-bad-body.example");
    for (String body : List.of("{\"host_type\": ", "not json", "[\"type1\"]", "{}", "{\"host_type\": 5}",
        "{\"host_type\": null}", "{\"host_type\": {\"name\": \"type1\"}}")) {
      assertChangesNothing(() -> api.send(HttpMethod.PUT, path, Buffer.buffer(body)),
          response -> assertErrorCode(response, 400, "invalid_body"));
    }
    assertChangesNothing(() -> api.send(HttpMethod.PUT, path, null),
        response -> assertErrorCode(response, 400, "invalid_body"));
    assertNotFound("put-bad-body.example");
  }

  @Test
  void putRejectsABodyLargerThanTheLimit() {
    JsonObject oversize = hostType("type1").put("padding", "x".repeat(MAX_BODY_BYTES));
    assertThat(oversize.toBuffer().length()).isGreaterThan(MAX_BODY_BYTES);

    assertChangesNothing(() -> api.put(domainPath("put-oversize.example"), oversize),
        response -> assertErrorCode(response, 400, "invalid_body"));
    assertNotFound("put-oversize.example");
  }

  @Test
  void putOfAStaticDomainIsForbiddenInAnySpelling() {
    for (String domain : List.of("localhost", "LocalHost", "static.example", "STATIC.Example")) {
      assertChangesNothing(() -> api.put(domainPath(domain), hostType("type1")),
          response -> assertError(response, 403, "static", "Domain is static"));
    }
    assertDetails("static.example", "type1", "enabled", "static");
  }

  @Test
  void putWithAHostTypeNotAllowedHereIsForbidden() {
    // "localhost" is the host type of a static pair, never allowed for dynamic domains.
    for (String type : List.of("nope", "localhost", "TYPE1", "type1 ")) {
      assertChangesNothing(() -> api.put(domainPath("put-unknown-type.example"), hostType(type)),
          response -> assertError(response, 403, "unknown_host_type", "Unknown host type"));
    }
    assertNotFound("put-unknown-type.example");
  }

  @Test
  void putOfAnExistingDomainWithAnotherHostTypeIsAConflict() {
    insert("put-dup.example", "type1");

    assertChangesNothing(() -> api.put(domainPath("put-dup.example"), hostType("type2")),
        response -> assertError(response, 409, "duplicate", "Domain already exists"));
    assertDetails("put-dup.example", "type1", "enabled", "dynamic");
    assertLookup("put-dup.example", "type1", "dynamic");
  }

  @Test
  void putOfADomainBeingDeletedIsAConflict() {
    sqlRow("put-deleting.example", "type1", 2);

    assertChangesNothing(() -> api.put(domainPath("put-deleting.example"), hostType("type1")),
        response -> assertError(response, 409, "duplicate", "Domain already exists"));
    assertDetails("put-deleting.example", "type1", "deleting", "dynamic");
  }

  // ---- PATCH /api/domains/{domain} ----

  @Test
  void patchDisablesAndEnablesWithEffectAtOnce() {
    insert("patch.example", "type2");

    noContent(api.patch(domainPath("patch.example"), enabled(false)), 204);
    assertNotServed("patch.example");
    assertDetails("patch.example", "type2", "disabled", "dynamic");

    noContent(api.patch(domainPath("patch.example"), enabled(true)), 204);
    assertLookup("patch.example", "type2", "dynamic");
    assertDetails("patch.example", "type2", "enabled", "dynamic");
  }

  @Test
  void patchToTheCurrentStatusSucceedsWithoutANewEvent() {
    insert("patch-same.example", "type1");
    assertChangesNothing(() -> api.patch(domainPath("patch-same.example"), enabled(true)),
        response -> noContent(response, 204));

    setEnabled("patch-same.example", false);
    assertChangesNothing(() -> api.patch(domainPath("patch-same.example"), enabled(false)),
        response -> noContent(response, 204));
    assertDetails("patch-same.example", "type1", "disabled", "dynamic");
  }

  @Test
  void patchRejectsInvalidBodies() {
    insert("patch-bad-body.example", "type1");
    String path = domainPath("patch-bad-body.example");
    for (String body : List.of("{}", "{\"enabled\": \"false\"}", "{\"enabled\": 0}", "{\"enabled\": null}",
        "{\"enabled\": fals", "[false]")) {
      assertChangesNothing(() -> api.send(HttpMethod.PATCH, path, Buffer.buffer(body)),
          response -> assertErrorCode(response, 400, "invalid_body"));
    }
    assertChangesNothing(() -> api.send(HttpMethod.PATCH, path, null),
        response -> assertErrorCode(response, 400, "invalid_body"));
    assertDetails("patch-bad-body.example", "type1", "enabled", "dynamic");
    assertLookup("patch-bad-body.example", "type1", "dynamic");
  }

  @Test
  void patchRejectsAnInvalidDomainName() {
    assertChangesNothing(() -> api.send(HttpMethod.PATCH, "/api/domains/a%20b", enabled(false).toBuffer()),
        response -> assertError(response, 400, "invalid_domain", "Invalid domain name"));
  }

  @Test
  void patchOfAStaticDomainIsForbidden() {
    for (boolean enabled : new boolean[] {true, false}) {
      assertChangesNothing(() -> api.patch(domainPath("localhost"), enabled(enabled)),
          response -> assertError(response, 403, "static", "Domain is static"));
    }
    assertLookup("localhost", "localhost", "static");
  }

  @Test
  void patchOfADomainWhoseHostTypeIsNotAllowedHereIsForbidden() {
    sqlRow("patch-legacy.example", "legacy", 0);

    assertChangesNothing(() -> api.patch(domainPath("patch-legacy.example"), enabled(true)),
        response -> assertError(response, 403, "unknown_host_type", "Unknown host type"));
    assertDetails("patch-legacy.example", "legacy", "disabled", "dynamic");
    assertNotServed("patch-legacy.example");
  }

  @Test
  void patchOfADomainBeingDeletedIsForbidden() {
    sqlRow("patch-deleting.example", "type1", 2);

    assertChangesNothing(() -> api.patch(domainPath("patch-deleting.example"), enabled(true)),
        response -> assertError(response, 403, "deleted", "Domain has been deleted"));
    assertDetails("patch-deleting.example", "type1", "deleting", "dynamic");
  }

  @Test
  void patchOfAnUnknownDomainIsNotFound() {
    assertChangesNothing(() -> api.patch(domainPath("patch-unknown.example"), enabled(true)),
        response -> assertError(response, 404, "not_found", "Given domain does not exist"));
    assertNotFound("patch-unknown.example");
  }

  // ---- GET /api/domains/{domain} ----

  @Test
  void getAnswersTheDetailsOfDynamicAndStaticDomains() {
    insert("get.example", "type2");

    assertThat(json(api.get(domainPath("get.example")), 200)).isEqualTo(new JsonObject()
        .put("domain", "get.example").put("host_type", "type2").put("status", "enabled").put("type", "dynamic"));
    assertThat(json(api.get(domainPath("localhost")), 200)).isEqualTo(new JsonObject()
        .put("domain", "localhost").put("host_type", "localhost").put("status", "enabled").put("type", "static"));
  }

  @Test
  void getAnswersNotFoundForAnUnknownDomainAndBadRequestForAnInvalidName() {
    assertError(api.get(domainPath("get-unknown.example")), 404, "not_found", "Given domain does not exist");
    assertError(api.get("/api/domains/a%20b"), 400, "invalid_domain", "Invalid domain name");
  }

  // ---- DELETE /api/domains/{domain} ----

  @Test
  void deleteRemovesTheDomainAtOnce() {
    insert("delete.example", "type1");
    long appliedBefore = appliedEventId();

    noContent(api.delete(domainPath("delete.example"), hostType("type1")), 204);

    assertNotServed("delete.example");
    assertNotFound("delete.example");
    assertThat(appliedEventId()).isGreaterThan(appliedBefore).isEqualTo(maxEventIdInDatabase());
  }

  @Test
  void deleteOfAnAbsentDomainSucceedsWithoutANewEvent() {
    assertChangesNothing(() -> api.delete(domainPath("delete-absent.example"), hostType("type1")),
        response -> noContent(response, 204));
  }

  @Test
  void deleteOfAStaticDomainIsForbidden() {
    assertChangesNothing(() -> api.delete(domainPath("localhost"), hostType("localhost")),
        response -> assertError(response, 403, "static", "Domain is static"));
    assertChangesNothing(() -> api.delete(domainPath("static.example"), hostType("type1").put("request", true)),
        response -> assertError(response, 403, "static", "Domain is static"));
    assertLookup("static.example", "type1", "static");
  }

  @Test
  void deleteWithAHostTypeNotAllowedHereIsForbidden() {
    insert("delete-unknown-type.example", "type1");
    sqlRow("delete-legacy.example", "legacy", 1);

    assertChangesNothing(() -> api.delete(domainPath("delete-unknown-type.example"), hostType("nope")),
        response -> assertError(response, 403, "unknown_host_type", "Unknown host type"));
    assertChangesNothing(() -> api.delete(domainPath("delete-legacy.example"), hostType("legacy")),
        response -> assertError(response, 403, "unknown_host_type", "Unknown host type"));
    assertChangesNothing(
        () -> api.delete(domainPath("delete-unknown-type.example"), hostType("nope").put("request", true)),
        response -> assertError(response, 403, "unknown_host_type", "Unknown host type"));
    assertLookup("delete-unknown-type.example", "type1", "dynamic");
    assertDetails("delete-legacy.example", "legacy", "enabled", "dynamic");
  }

  @Test
  void deleteWithTheWrongHostTypeIsForbidden() {
    insert("delete-wrong-type.example", "type1");

    assertChangesNothing(() -> api.delete(domainPath("delete-wrong-type.example"), hostType("type2")),
        response -> assertError(response, 403, "wrong_host_type", "Wrong host type was provided"));
    assertLookup("delete-wrong-type.example", "type1", "dynamic");
  }

  @Test
  void deleteRejectsInvalidBodiesAndNames() {
    insert("delete-bad-body.example", "type1");
    String path = domainPath("delete-bad-body.example");
    for (String body : List.of("{}", "{\"host_type\": 1}", "{\"host_type\": \"type1\", \"request\": \"yes\"}",
        "{\"host_type\": \"type1\", \"request\": null}", "{\"host_type\"", "\"type1\"")) {
      assertChangesNothing(() -> api.send(HttpMethod.DELETE, path, Buffer.buffer(body)),
          response -> assertErrorCode(response, 400, "invalid_body"));
    }
    assertChangesNothing(() -> api.send(HttpMethod.DELETE, path, null),
        response -> assertErrorCode(response, 400, "invalid_body"));
    assertChangesNothing(() -> api.send(HttpMethod.DELETE, "/api/domains/%f3", hostType("type1").toBuffer()),
        response -> assertError(response, 400, "invalid_domain", "Invalid domain name"));
    assertLookup("delete-bad-body.example", "type1", "dynamic");
  }

  @Test
  void deleteRequestedInTheBackgroundIsAcceptedAndThenDone() {
    insert("delete-request.example", "type2");

    noContent(api.delete(domainPath("delete-request.example"), hostType("type2").put("request", true)), 202);

    Await.until("delete-request.example gone from the node", Duration.ofSeconds(10),
        () -> api.get(lookupPath("delete-request.example")).statusCode() == 404);
    Await.until("delete-request.example gone from the database", Duration.ofSeconds(10),
        () -> api.get(domainPath("delete-request.example")).statusCode() == 404);
  }

  // ---- GET /api/domains ----

  @Test
  void listHoldsEveryDomainStaticOnesIncludedOrderedByName() {
    insert("list-all-b.example", "type1");
    insert("list-all-a.example", "type2");

    List<JsonObject> all = listAll("", 1000);

    List<String> names = all.stream().map(d -> d.getString("domain")).toList();
    assertThat(names).isSorted().doesNotHaveDuplicates();
    assertThat(names).containsExactlyElementsOf(expectedNames());
    assertThat(all).contains(
        details("localhost", "localhost", "enabled", "static"),
        details("static.example", "type1", "enabled", "static"),
        details("list-all-a.example", "type2", "enabled", "dynamic"),
        details("list-all-b.example", "type1", "enabled", "dynamic"));
  }

  @Test
  void listFiltersByHostTypeAndStatus() {
    insertListed();

    assertThat(listAll("host_type=listed", 1000)).containsExactly(
        details("a.listed", "listed", "enabled", "dynamic"),
        details("b.listed", "listed", "disabled", "dynamic"),
        details("c.listed", "listed", "enabled", "dynamic"),
        details("d.listed", "listed", "disabled", "dynamic"),
        details("e.listed", "listed", "enabled", "dynamic"));
    assertThat(listAll("host_type=listed&status=disabled", 1000)).extracting(d -> d.getString("domain"))
        .containsExactly("b.listed", "d.listed");
    assertThat(listAll("host_type=listed&status=enabled", 1000)).extracting(d -> d.getString("domain"))
        .containsExactly("a.listed", "c.listed", "e.listed");
    assertThat(listAll("host_type=listed&status=deleting", 1000)).isEmpty();
    assertThat(listAll("host_type=localhost", 1000)).containsExactly(
        details("localhost", "localhost", "enabled", "static"));
    assertThat(listAll("host_type=type1&status=disabled", 1000))
        .noneMatch(d -> d.getString("type").equals("static"));
    assertThat(listAll("host_type=type1", 1000))
        .contains(details("static.example", "type1", "enabled", "static"))
        .allMatch(d -> d.getString("host_type").equals("type1"));
  }

  @Test
  void listPagesWithTheNextCursorUntilExhausted() {
    insertListed();

    List<JsonObject> pages = pages("/api/domains?host_type=listed&limit=2");
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).getJsonArray("domains")).hasSize(2);
    assertThat(pages.get(1).getJsonArray("domains")).hasSize(2);
    assertThat(pages.get(0).getString("next")).isEqualTo("b.listed");
    assertThat(pages.get(1).getString("next")).isEqualTo("d.listed");
    assertThat(domains(pages)).extracting(d -> d.getString("domain"))
        .containsExactly("a.listed", "b.listed", "c.listed", "d.listed", "e.listed");

    List<JsonObject> mixed = domains(pages("/api/domains?limit=1"));
    assertThat(mixed).extracting(d -> d.getString("domain")).containsExactlyElementsOf(expectedNames());
  }

  @Test
  void listFiltersByNamePrefixStaticOnesIncludedInAnyCase() {
    insert("prefix-one.example", "type1");
    insert("prefix-two.example", "type2");
    insert("prefixless.example", "type1");

    assertThat(listAll("prefix=PREFIX-", 1000)).extracting(d -> d.getString("domain"))
        .containsExactly("prefix-one.example", "prefix-two.example");
    assertThat(domains(pages("/api/domains?prefix=prefix&limit=1"))).extracting(d -> d.getString("domain"))
        .containsExactly("prefix-one.example", "prefix-two.example", "prefixless.example");
    assertThat(listAll("prefix=static.", 1000)).containsExactly(
        details("static.example", "type1", "enabled", "static"));
    assertThat(listAll("prefix=prefix&host_type=type2", 1000)).extracting(d -> d.getString("domain"))
        .containsExactly("prefix-two.example");
  }

  @Test
  void listRejectsBadQueryParameters() {
    for (String query : List.of("status=on", "status=deleted", "limit=0", "limit=-1", "limit=1001", "limit=ten",
        "limit=1.5", "prefix=a%20b", "prefix=%C3%A9", "prefix=a_b")) {
      assertChangesNothing(() -> api.get("/api/domains?" + query),
          response -> assertErrorCode(response, 400, "invalid_query"));
    }
  }

  // ---- GET /api/lookup/{domain} and GET /api/sync ----

  @Test
  void lookupAnswersFromTheRegistryWithTheSource() {
    insert("lookup.example", "type1");

    assertThat(json(api.get(lookupPath("lookup.example")), 200)).isEqualTo(new JsonObject()
        .put("domain", "lookup.example").put("host_type", "type1").put("source", "dynamic"));
    assertThat(json(api.get(lookupPath("static.example")), 200)).isEqualTo(new JsonObject()
        .put("domain", "static.example").put("host_type", "type1").put("source", "static"));
    assertNotServed("lookup-unknown.example");
    assertError(api.get("/api/lookup/a%20b"), 400, "invalid_domain", "Invalid domain name");
  }

  @Test
  void lookupDoesNotServeDisabledOrDeletingDomains() {
    insert("lookup-disabled.example", "type1");
    setEnabled("lookup-disabled.example", false);
    assertNotServed("lookup-disabled.example");

    insert("lookup-deleting.example", "type1");
    assertLookup("lookup-deleting.example", "type1", "dynamic");
    execute("UPDATE domain_settings SET status = 2 WHERE domain = 'lookup-deleting.example'",
        "INSERT INTO domain_events (domain) VALUES ('lookup-deleting.example')");
    Await.until("deleting domain taken out", Duration.ofSeconds(10),
        () -> api.get(lookupPath("lookup-deleting.example")).statusCode() == 404);
    assertNotServed("lookup-deleting.example");
  }

  @Test
  void syncReportsTheAppliedEventIdGrowingWithWrites() {
    long applied = appliedEventId();
    assertThat(applied).isEqualTo(maxEventIdInDatabase());

    for (int i = 0; i < 10; i++) {
      insert("sync-" + i + ".example", "type1");
      setEnabled("sync-" + i + ".example", false);

      assertThat(appliedEventId()).as("applied after write %d", i)
          .isEqualTo(applied + 2).isEqualTo(maxEventIdInDatabase());
      applied += 2;
    }
  }

  @Test
  void syncNeverReportsLessThanTheRegistryServes() {
    for (int i = 0; i < 20; i++) {
      String domain = "sync-served-" + i + ".example";
      execute("INSERT INTO domain_settings (domain, host_type) VALUES ('" + domain + "', 'type1')",
          "INSERT INTO domain_events (domain) VALUES ('" + domain + "')");
      long eventId = maxEventIdInDatabase();
      Await.until(domain + " served", Duration.ofSeconds(10), () -> api.get(lookupPath(domain)).statusCode() == 200);
      assertThat(json(api.get("/api/sync"), 200).getLong("applied_event_id")).isGreaterThanOrEqualTo(eventId);
    }
  }

  // ---- names, errors, routes ----

  @Test
  void unicodeAndALabelSpellingsFindTheSameEntry() {
    noContent(api.put(domainPath("bücher.example"), hostType("type1")), 204);

    JsonObject expected = details("xn--bcher-kva.example", "type1", "enabled", "dynamic");
    assertThat(json(api.get(domainPath("xn--bcher-kva.example")), 200)).isEqualTo(expected);
    assertThat(json(api.get(domainPath("BÜCHER.example")), 200)).isEqualTo(expected);
    assertThat(json(api.get(domainPath("Bücher.Example")), 200)).isEqualTo(expected);
    assertLookup("BÜCHER.example", "xn--bcher-kva.example", "type1", "dynamic");
    assertChangesNothing(() -> api.put(domainPath("XN--BCHER-KVA.example"), hostType("type1")),
        response -> noContent(response, 204));
    assertChangesNothing(() -> api.put(domainPath("xn--bcher-kva.example"), hostType("type2")),
        response -> assertError(response, 409, "duplicate", "Domain already exists"));
  }

  @Test
  void unknownRoutesAndMethodsAnswerJsonErrors() {
    assertErrorCode(api.get("/api/nothing"), 404, "no_route");
    assertErrorCode(api.get("/nothing"), 404, "no_route");
    assertErrorCode(api.get("/api/domains/a.example/extra"), 404, "no_route");
    assertChangesNothing(() -> api.send(HttpMethod.POST, domainPath("post.example"), hostType("type1").toBuffer()),
        response -> assertErrorCode(response, 405, "method_not_allowed"));
  }

  // ---- helpers ----

  private static JsonObject hostType(String hostType) {
    return new JsonObject().put("host_type", hostType);
  }

  private static JsonObject enabled(boolean enabled) {
    return new JsonObject().put("enabled", enabled);
  }

  private static JsonObject details(String domain, String hostType, String status, String type) {
    return new JsonObject().put("domain", domain).put("host_type", hostType).put("status", status).put("type", type);
  }

  private static void insert(String domain, String hostType) {
    noContent(api.put(domainPath(domain), hostType(hostType)), 204);
  }

  private static void setEnabled(String domain, boolean enabled) {
    noContent(api.patch(domainPath(domain), enabled(enabled)), 204);
  }

  /** a..e.listed of host type "listed", b and d disabled (idempotent, so tests may share them). */
  private static void insertListed() {
    for (String name : List.of("c", "a", "e", "b", "d")) {
      insert(name + ".listed", "listed");
    }
    setEnabled("b.listed", false);
    setEnabled("d.listed", false);
  }

  /** A row (and its event) written straight to the database, as another writer would. */
  private static void sqlRow(String domain, String hostType, int status) {
    execute("INSERT INTO domain_settings (domain, host_type, status) VALUES ('" + domain + "', '" + hostType + "', "
        + status + ")", "INSERT INTO domain_events (domain) VALUES ('" + domain + "')");
    long eventId = maxEventIdInDatabase();
    Await.until("event of " + domain + " applied", Duration.ofSeconds(10), () -> appliedEventId() >= eventId);
  }

  private static void assertLookup(String domain, String hostType, String source) {
    assertLookup(domain, domain, hostType, source);
  }

  private static void assertLookup(String spelling, String domain, String hostType, String source) {
    assertThat(json(api.get(lookupPath(spelling)), 200)).isEqualTo(new JsonObject()
        .put("domain", domain).put("host_type", hostType).put("source", source));
  }

  private static void assertNotServed(String domain) {
    assertError(api.get(lookupPath(domain)), 404, "not_found", "Given domain does not exist");
  }

  private static void assertDetails(String domain, String hostType, String status, String type) {
    assertThat(json(api.get(domainPath(domain)), 200)).isEqualTo(details(domain, hostType, status, type));
  }

  private static void assertNotFound(String domain) {
    assertError(api.get(domainPath(domain)), 404, "not_found", "Given domain does not exist");
    assertNotServed(domain);
  }

  private static long appliedEventId() {
    return json(api.get("/api/sync"), 200).getLong("applied_event_id");
  }

  /** Everything a write could change: the rows, the events and what the node has applied. */
  private record State(List<String> rows, long maxEventId, long appliedEventId, int dynamicDomains) {}

  private static State state() {
    List<String> rows = new ArrayList<>();
    long maxEventId;
    try (Statement st = sql.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT domain, host_type, status FROM domain_settings ORDER BY domain")) {
        while (rs.next()) {
          rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getShort(3));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM domain_events")) {
        rs.next();
        maxEventId = rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new State(rows, maxEventId, appliedEventId(), node.registry().dynamicSize());
  }

  private static void execute(String... statements) {
    try (Statement st = sql.createStatement()) {
      for (String statement : statements) {
        st.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long maxEventIdInDatabase() {
    return state().maxEventId();
  }

  /** Sends the request, checks its response, and checks that database and node are as before. */
  private static void assertChangesNothing(Supplier<HttpResponse<Buffer>> request,
                                           Consumer<HttpResponse<Buffer>> check) {
    State before = state();
    check.accept(request.get());
    assertThat(state()).isEqualTo(before);
  }

  /** Names a full listing must hold: every database row and every static domain, sorted. */
  private static List<String> expectedNames() {
    TreeSet<String> names = new TreeSet<>(node.registry().allStatic().keySet());
    state().rows().forEach(row -> names.add(row.substring(0, row.indexOf('|'))));
    return List.copyOf(names);
  }

  /** Follows {@code next} from the first page until a page has none; fails on a runaway loop. */
  private static List<JsonObject> pages(String firstUri) {
    List<JsonObject> pages = new ArrayList<>();
    String uri = firstUri;
    while (uri != null) {
      assertThat(pages).as("pages of " + firstUri).hasSizeLessThan(1000);
      JsonObject page = json(api.get(uri), 200);
      assertThat(page.fieldNames()).containsExactlyInAnyOrder("domains", "next");
      pages.add(page);
      String next = page.getString("next");
      uri = next == null ? null : firstUri + "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
    return pages;
  }

  private static List<JsonObject> listAll(String query, int limit) {
    return domains(pages("/api/domains?" + query + (query.isEmpty() ? "" : "&") + "limit=" + limit));
  }

  private static List<JsonObject> domains(List<JsonObject> pages) {
    List<JsonObject> all = new ArrayList<>();
    for (JsonObject page : pages) {
      JsonArray domains = page.getJsonArray("domains");
      domains.forEach(d -> all.add((JsonObject) d));
    }
    return all;
  }
}
