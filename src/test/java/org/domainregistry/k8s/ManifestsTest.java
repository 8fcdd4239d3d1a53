package org.domainregistry.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.domainregistry.config.NodeConfig;
import org.junit.jupiter.api.Test;

/**
 * The kustomize base and the try-it overlay (README "Operating", Kubernetes), rendered and parsed
 * object by object into fabric8's Kubernetes model with no unknown field anywhere, then checked for
 * agreement: the node config in the ConfigMap binds, and its ports, the containers' ports, the
 * Services, the probes and the grace period fit together.
 */
class ManifestsTest {
  @Test
  void theBaseRendersAndItsPartsAgree() {
    Manifests base = Manifests.render("k8s");
    Deployment deployment = base.one(Deployment.class, "domain-registry");
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container node = pod.getContainers().get(0);
    NodeConfig config = base.nodeConfig(node, "ns");

    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(podLabels);
    assertThat(port(node, "http")).isEqualTo(config.http().port());
    assertThat(port(node, "hazelcast")).isEqualTo(config.cluster().port());

    Service headless = base.one(Service.class, "domain-registry-cluster");
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(headless.getSpec().getSelector()).isEqualTo(podLabels);
    assertThat(headless.getSpec().getPorts().get(0).getPort()).isEqualTo(config.cluster().port());
    assertThat(headless.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("hazelcast");
    assertThat(config.cluster().kubernetesDiscovery()).isTrue();
    assertThat(config.cluster().kubernetesServiceDns()).contains("domain-registry-cluster.ns.svc.cluster.local");
    assertThat(config.cluster().enabled()).isTrue();

    Service admin = base.one(Service.class, "domain-registry-admin");
    assertThat(admin.getSpec().getSelector()).isEqualTo(podLabels);
    assertThat(admin.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    assertThat(base.one(PodDisruptionBudget.class, "domain-registry").getSpec().getSelector().getMatchLabels())
        .isEqualTo(podLabels);

    assertProbe(node.getStartupProbe(), "/health/started");
    assertProbe(node.getReadinessProbe(), "/health/ready");
    assertProbe(node.getLivenessProbe(), "/health/live");
    long preStopMs = 1000 * Long.parseLong(node.getLifecycle().getPreStop().getExec().getCommand().get(1));
    assertThat(pod.getTerminationGracePeriodSeconds() * 1000)
        .isGreaterThanOrEqualTo(preStopMs + config.shutdown().timeoutMs() + 5_000);

    assertThat(pod.getEnableServiceLinks()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(node.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(node.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(pod.getTopologySpreadConstraints()).isNotEmpty()
        .allSatisfy(spread -> assertThat(spread.getLabelSelector().getMatchLabels()).isEqualTo(podLabels));
    assertThat(node.getResources().getLimits()).containsKey("memory");
    assertThat(env(node).get("JAVA_TOOL_OPTIONS").getValue()).contains("-XX:MaxRAMPercentage=");
  }

  @Test
  void theTryItOverlayPointsTheNodesAtItsPostgres() {
    Manifests tryIt = Manifests.render("k8s/overlays/try-it");
    Container node = tryIt.one(Deployment.class, "domain-registry").getSpec().getTemplate().getSpec()
        .getContainers().get(0);
    URI db = URI.create(tryIt.nodeConfig(node, "ns").db().url().orElseThrow());
    Service postgres = tryIt.one(Service.class, "postgres");
    assertThat(db.getHost()).isEqualTo(postgres.getMetadata().getName());
    assertThat(db.getPort()).isEqualTo(postgres.getSpec().getPorts().get(0).getPort());
    Deployment server = tryIt.one(Deployment.class, "postgres");
    assertThat(server.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(postgres.getSpec().getSelector());
    Secret postgresSecret = tryIt.one(Secret.class, "postgres");
    assertThat(decode(postgresSecret, "POSTGRES_PASSWORD")).isEqualTo(db.getUserInfo().split(":")[1]);
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  private static int port(Container container, String name) {
    return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
        .findFirst().orElseThrow(() -> new AssertionError("no container port " + name));
  }

  static Map<String, EnvVar> env(Container container) {
    Map<String, EnvVar> env = new HashMap<>();
    container.getEnv().forEach(var -> env.put(var.getName(), var));
    return env;
  }

  static String decode(Secret secret, String key) {
    return new String(Base64.getMimeDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }
}
