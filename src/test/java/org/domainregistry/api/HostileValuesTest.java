package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domainregistry.support.RestClient.assertErrorCode;
import static org.domainregistry.support.RestClient.domainPath;
import static org.domainregistry.support.RestClient.json;
import static org.domainregistry.support.RestClient.noContent;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.DbDigest;
import org.domainregistry.support.RestClient;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inputs issue 11 found answered 500 or stored twice (README "Security"): control characters in
 * query parameters and fields are 400, invalid punycode is {@code invalid_domain}, and A-label
 * spellings that display alike land on one entry.
 */
class HostileValuesTest {
  private static Node node;
  private static RestClient api;
  private static Connection sql;

  @BeforeAll
  static void startNode() throws SQLException {
    String db = TestDatabase.createDatabase();
    sql = TestDatabase.jdbc(db);
    node = TestNodes.start(TestNodes.config(db, Map.of("host_types", List.of("type1", "type2"))));
    api = RestClient.of(node);
  }

  @AfterAll
  static void stopNode() throws SQLException {
    sql.close();
    Await.result(node.stop());
  }

  @Test
  void controlCharactersInQueryParametersAreBadRequests() {
    for (String query : List.of("after=%00", "host_type=%00", "after=a%01b", "status=%00", "limit=%00",
        "host_type=%7F", "after=%C2%85")) {
      refused(() -> api.get("/api/domains?" + query), "invalid_query");
    }
  }

  @Test
  void controlCharactersInBodyFieldsAreBadRequests() {
    refused(() -> api.put(domainPath("ctl.example"), new JsonObject().put("host_type", "type1\u0000")), "invalid_body");
    refused(() -> api.delete(domainPath("ctl.example"), new JsonObject().put("host_type", "\u0000")), "invalid_body");
  }

  @Test
  void invalidPunycodeIsAnInvalidDomain() {
    refused(() -> api.put(domainPath("xn--zz.example"), hostType("type1")), "invalid_domain");
    refused(() -> api.get(domainPath("xn--zz.example")), "invalid_domain");
  }

  @Test
  void aLabelsThatDisplayAlikeAreOneDomain() {
    noContent(api.put(domainPath("xn--bcher-0ha66c.example"), hostType("type1")), 204);
    assertThat(json(api.get(domainPath("xn--bcher-kva.example")), 200).getString("domain"))
        .isEqualTo("xn--bcher-kva.example");
    String before = DbDigest.of(sql);
    noContent(api.put(domainPath("xn--bcher-kva.example"), hostType("type1")), 204);
    assertThat(DbDigest.of(sql)).isEqualTo(before);
  }

  @Test
  void sharpSIsOneDomainInBothSpellingsAndNotFass() {
    noContent(api.put(domainPath("faß.de"), hostType("type1")), 204);
    assertThat(json(api.get(domainPath("xn--fa-hia.de")), 200).getString("domain")).isEqualTo("xn--fa-hia.de");
    assertErrorCode(api.get(domainPath("fass.de")), 404, "not_found");
  }

  private static void refused(Supplier<HttpResponse<Buffer>> request, String code) {
    String before = DbDigest.of(sql);
    assertErrorCode(request.get(), 400, code);
    assertThat(DbDigest.of(sql)).isEqualTo(before);
  }

  private static JsonObject hostType(String hostType) {
    return new JsonObject().put("host_type", hostType);
  }
}
