package org.domainregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.domainregistry.cli.DomainCli;
import org.domainregistry.node.Node;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestCertificates;
import org.domainregistry.support.TestDatabase;
import org.domainregistry.support.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API over HTTPS (README "Security"), with certificates made in the test: a client
 * trusting the node's certificate is served, one that does not is refused in the handshake, plain
 * HTTP gets no answer, the CLI speaks HTTPS, and required client certificates keep out a client
 * without one signed by the configured CA.
 */
class TlsTest {
  @TempDir
  Path dir;
  private Node node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      Await.result(node.stop());
    }
  }

  @Test
  void aClientTrustingTheCertificateIsServedAndOthersAreRefused() throws IOException {
    TestCertificates.Pem server = TestCertificates.authority(dir, "unused").selfSigned("node");
    node = start(Map.of("cert_path", server.cert().toString(), "key_path", server.key().toString()));

    assertThat(Await.result(get(trusting(server.cert()))).statusCode()).isEqualTo(200);
    assertThat(fails(get(new WebClientOptions().setSsl(true)))).isTrue();
    assertThat(fails(get(new WebClientOptions()))).isTrue();

    Path config = Files.writeString(dir.resolve("cli.yaml"), "http: { host: 127.0.0.1, port: " + node.httpPort()
        + ", tls: { cert_path: '" + server.cert() + "', key_path: '" + server.key() + "' } }\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = DomainCli.run(new String[] {"--config", config.toString(), "domain", "allDomains"}, Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(DomainCli.SUCCESS);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("localhost");
  }

  @Test
  void requiredClientCertificatesKeepOutClientsWithoutOne() {
    TestCertificates clients = TestCertificates.authority(dir, "clients");
    TestCertificates.Pem server = TestCertificates.authority(dir, "other").selfSigned("node");
    node = start(Map.of("cert_path", server.cert().toString(), "key_path", server.key().toString(),
        "client_auth", "required", "client_ca_path", clients.caPath().toString()));

    assertThat(fails(get(trusting(server.cert())))).isTrue();
    TestCertificates.Pem stranger = TestCertificates.authority(dir, "strangers").issue("stranger");
    assertThat(fails(get(trusting(server.cert()).setKeyCertOptions(keyCert(stranger))))).isTrue();
    TestCertificates.Pem operator = clients.issue("operator");
    assertThat(Await.result(get(trusting(server.cert()).setKeyCertOptions(keyCert(operator)))).statusCode())
        .isEqualTo(200);
  }

  private static Node start(Map<String, Object> tls) {
    return TestNodes.start(TestNodes.config(TestDatabase.createDatabase(),
        Map.of("http", Map.of("host", "127.0.0.1", "port", 0, "tls", tls))));
  }

  private static WebClientOptions trusting(Path cert) {
    return new WebClientOptions().setSsl(true).setTrustOptions(new PemTrustOptions().addCertPath(cert.toString()));
  }

  private static PemKeyCertOptions keyCert(TestCertificates.Pem pem) {
    return new PemKeyCertOptions().setCertPath(pem.cert().toString()).setKeyPath(pem.key().toString());
  }

  private Future<HttpResponse<Buffer>> get(WebClientOptions options) {
    WebClient client = WebClient.create(node.vertx(), options.setConnectTimeout(10_000).setIdleTimeout(20));
    return client.get(node.httpPort(), "127.0.0.1", "/api/domains").send()
        .andThen(done -> client.close());
  }

  private static boolean fails(Future<HttpResponse<Buffer>> response) {
    return Await.result(response.map(r -> false).otherwise(true));
  }
}
