package org.domainregistry.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.JoinConfig;
import java.util.Map;
import org.domainregistry.config.ConfigLoader;
import org.domainregistry.config.NodeConfig;
import org.junit.jupiter.api.Test;

/** {@code cluster.discovery} picks the Hazelcast join (README "Operating", Kubernetes). */
class ClusterDiscoveryTest {
  @Test
  void kubernetesDiscoveryUsesDnsLookupOnTheHeadlessService() {
    JoinConfig join = join(Map.of("discovery", "kubernetes", "port", 5701,
        "kubernetes_service_dns", "domain-registry-cluster.ns.svc.cluster.local"));
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo("domain-registry-cluster.ns.svc.cluster.local");
    assertThat(join.getKubernetesConfig().getProperty("service-port")).isEqualTo("5701");
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
  }

  @Test
  void membersDiscoveryUsesTheTcpIpList() {
    JoinConfig join = join(Map.of("members", java.util.List.of("10.0.0.1:5701", "10.0.0.2:5701")));
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
  }

  private static JoinConfig join(Map<String, Object> cluster) {
    NodeConfig.Cluster config = ConfigLoader.fromMap(Map.of("cluster", cluster), Map.of()).cluster();
    return ClusterSetup.hazelcast(config).getNetworkConfig().getJoin();
  }
}
