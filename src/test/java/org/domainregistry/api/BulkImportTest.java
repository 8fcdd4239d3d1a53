package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk import and export over real HTTP (README "Operating", bulk import/export): 5 000 domains
 * imported as NDJSON with per-line results, bad lines answered with their codes, a second import
 * unchanged, the registry holding them once the answer ends, CSV, and the export round trip.
 */
class BulkImportTest {
  private static final int COUNT = 5_000;
  private final HttpClient http = HttpClient.newHttpClient();
  private Node node;

  @BeforeEach
  void startNode() {
    node = TestNodes.start(TestNodes.config(TestDatabase.createDatabase(),
        Map.of("admin", Map.of("username", "admin", "password", "secret"))));
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void importsNdjsonAnsweringEveryLineThenIsIdempotent() {
    String body = IntStream.range(0, COUNT).mapToObj(i -> new JsonObject().put("domain", "d" + i + ".example")
        .put("host_type", i % 2 == 0 ? "type1" : "type2").encode()).collect(Collectors.joining("\n"))
        + "\nnot json\n{\"domain\":\"nohost.example\"}\n{\"domain\":\"static.example\",\"host_type\":\"type1\"}\n"
        + "{\"domain\":\"x.example\",\"host_type\":\"nope\"}\n{\"domain\":\"bad domain\",\"host_type\":\"type1\"}\n"
        + "{\"domain\":\"d0.example\",\"host_type\":\"type2\"}\n";
    List<JsonObject> first = post("application/x-ndjson", body);
    assertThat(first).hasSize(COUNT + 7);
    assertThat(first.get(COUNT + 6).getJsonObject("summary"))
        .isEqualTo(new JsonObject().put("created", COUNT).put("unchanged", 0).put("failed", 6));
    assertThat(first.subList(0, COUNT)).allMatch(line -> line.getString("result").equals("created"));
    assertThat(first.subList(COUNT, COUNT + 6).stream().map(line -> line.getLong("line") + " " + line.getString("result")))
        .containsExactly((COUNT + 1) + " invalid_body", (COUNT + 2) + " invalid_body", (COUNT + 3) + " static",
            (COUNT + 4) + " unknown_host_type", (COUNT + 5) + " invalid_domain", (COUNT + 6) + " duplicate");
    assertThat(node.registry().hostTypeOf("d4999.example")).isEqualTo("type2");
    assertThat(node.registry().dynamicSize()).isEqualTo(COUNT);

    List<JsonObject> second = post("application/x-ndjson", body);
    assertThat(second.get(COUNT + 6).getJsonObject("summary"))
        .isEqualTo(new JsonObject().put("created", 0).put("unchanged", COUNT).put("failed", 6));
  }

  @Test
  void importsCsvAndExportsWhatWasImported() {
    List<JsonObject> csv = post("text/csv; charset=utf-8",
        "domain,host_type\r\na.example,type1\r\nB.Example,type2\r\nbroken line\r\na.example,type1\r\n");
    assertThat(csv.stream().map(line -> line.getString("result")).toList())
        .containsExactly("created", "created", "invalid_body", "unchanged", null);
    assertThat(csv.get(1).getString("domain")).isEqualTo("B.Example");

    HttpResponse<String> export = send(HttpRequest.newBuilder(uri("/api/domains/export")).GET());
    assertThat(export.statusCode()).isEqualTo(200);
    List<JsonObject> lines = export.body().lines().map(JsonObject::new).toList();
    assertThat(lines.get(0).getLong("snapshot_event_id")).isEqualTo(2L);
    Set<String> exported = new HashSet<>();
    lines.subList(1, lines.size()).forEach(line -> exported.add(line.getString("domain") + " "
        + line.getString("host_type") + " " + line.getString("status")));
    assertThat(exported).containsExactlyInAnyOrder("a.example type1 enabled", "b.example type2 enabled");

    String again = export.body().lines().skip(1).collect(Collectors.joining("\n"));
    List<JsonObject> reimport = post("application/x-ndjson", again);
    assertThat(reimport.get(reimport.size() - 1).getJsonObject("summary").getInteger("unchanged")).isEqualTo(2);
  }

  @Test
  void otherContentTypesAreRefused() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/domains/import"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(new JsonObject(response.body()).getString("code")).isEqualTo("unsupported_media_type");
    assertThat(node.registry().dynamicSize()).isZero();
  }

  private List<JsonObject> post(String contentType, String body) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/domains/import"))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body().lines().map(JsonObject::new).toList();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + node.httpPort() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes()));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
