package org.domainregistry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domainregistry.bus.Addresses;
import org.domainregistry.bus.SiblingCredentials;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.registry.DomainError;
import org.domainregistry.support.Await;
import org.domainregistry.support.TestCertificates;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust on the event bus (README "Security"): the bus runs over TLS with required client
 * certificates of one cluster CA, so a member without one reaches nothing; bus mutations need a
 * sibling credential listing the operation; reads stay open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTrustTest {
  /** Generous: a refused TLS connection shows as a send timeout, and the machine may be loaded. */
  private static final long SEND_TIMEOUT_MS = 15_000;
  private TestCluster cluster;
  private Vertx trusted;
  private Vertx stranger;

  @BeforeAll
  void startCluster(@TempDir Path dir) {
    TestCertificates ca = TestCertificates.authority(dir, "cluster-ca");
    TestCertificates.Pem node = ca.issue("node");
    TestCertificates.Pem sibling = ca.issue("sibling");
    cluster = new TestCluster(TestDatabase.createDatabase(), 1).start(Map.of(
        "cluster", Map.of("tls", Map.of("cert_path", node.cert().toString(), "key_path", node.key().toString(),
            "ca_path", ca.caPath().toString())),
        "siblings", Map.of("billing", Map.of("secret", "b1ll", "operations", List.of("insert", "cleanup.register")))));
    trusted = cluster.joinSibling(Optional.of(new NodeConfig.ClusterTls(sibling.cert().toString(),
        sibling.key().toString(), ca.caPath().toString())));
    stranger = cluster.joinSibling();
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  @Test
  void aMutationWithoutOrWithAWrongCredentialIsRefusedAndChangesNothing() {
    assertFailure(send(trusted, Addresses.INSERT, insert("nocred.example"), null), DomainError.WRONG_CREDENTIALS);
    assertFailure(send(trusted, Addresses.INSERT, insert("nocred.example"), "billing:wrong"),
        DomainError.WRONG_CREDENTIALS);
    assertFailure(send(trusted, Addresses.INSERT, insert("nocred.example"), "nobody:b1ll"),
        DomainError.WRONG_CREDENTIALS);
    assertFailure(send(trusted, Addresses.CLEANUP_UNREGISTER, new JsonObject().put("name", "x"), null),
        DomainError.WRONG_CREDENTIALS);
    assertThat(cluster.node(0).registry().hostTypeOf("nocred.example")).isNull();
  }

  @Test
  void aMutationWithACredentialListingItSucceeds() {
    JsonObject reply = Await.result(send(trusted, Addresses.INSERT, insert("cred.example"), "billing:b1ll"));
    assertThat(reply.getString("domain")).isEqualTo("cred.example");
    assertThat(cluster.node(0).registry().hostTypeOf("cred.example")).isEqualTo("type1");
  }

  @Test
  void anOperationNotInTheSiblingsListIsRefused() {
    Await.result(send(trusted, Addresses.INSERT, insert("kept.example"), "billing:b1ll"));
    assertFailure(send(trusted, Addresses.REMOVE, insert("kept.example"), "billing:b1ll"), DomainError.NO_PERMISSIONS);
    assertFailure(send(trusted, Addresses.DISABLE, new JsonObject().put("domain", "kept.example"), "billing:b1ll"),
        DomainError.NO_PERMISSIONS);
    assertThat(cluster.node(0).registry().hostTypeOf("kept.example")).isEqualTo("type1");
  }

  @Test
  void readsStayOpenToMembers() {
    JsonObject reply = Await.result(send(trusted, Addresses.GET_HOST_TYPE, new JsonObject().put("domain", "localhost"),
        null));
    assertThat(reply.getString("host_type")).isEqualTo("localhost");
  }

  @Test
  void aMemberWithoutACertificateReachesNothing() {
    Future<JsonObject> read = send(stranger, Addresses.GET_HOST_TYPE, new JsonObject().put("domain", "localhost"), null);
    Future<JsonObject> write = send(stranger, Addresses.INSERT, insert("stranger.example"), "billing:b1ll");
    assertThat(Await.result(read.map(r -> "answered").otherwise(failure -> "refused"))).isEqualTo("refused");
    assertThat(Await.result(write.map(r -> "answered").otherwise(failure -> "refused"))).isEqualTo("refused");
    assertThat(cluster.node(0).registry().hostTypeOf("stranger.example")).isNull();
  }

  private static JsonObject insert(String domain) {
    return new JsonObject().put("domain", domain).put("host_type", "type1");
  }

  private static Future<JsonObject> send(Vertx from, String address, JsonObject body, String credential) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(SEND_TIMEOUT_MS);
    if (credential != null) {
      options.addHeader(SiblingCredentials.HEADER, credential);
    }
    return from.eventBus().<JsonObject>request(address, body, options).map(reply -> reply.body());
  }

  private static void assertFailure(Future<JsonObject> reply, DomainError expected) {
    Throwable failure = Await.result(reply.map(r -> (Throwable) null).otherwise(f -> f));
    assertThat(failure).isInstanceOfSatisfying(ReplyException.class,
        e -> assertThat(e.failureCode()).as(e.getMessage()).isEqualTo(expected.failureCode()));
  }
}
