package org.domainregistry.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.domainregistry.config.NodeConfig;

/**
 * Builds the Vert.x instance of a node: standalone, or clustered through Hazelcast with a TCP-IP
 * join on the configured members (no multicast, no phone-home), bound to the configured host.
 * A sibling service written in Java can join the cluster's event bus the same way.
 */
public final class ClusterSetup {
  private ClusterSetup() {}

  /** A standalone Vert.x, or one that has joined the configured cluster (for Java sibling services). */
  public static Future<Vertx> vertx(NodeConfig.Cluster cluster) {
    return vertx(cluster, null);
  }

  /** The same, reporting Vert.x's metrics to {@code meters} when given. */
  static Future<Vertx> vertx(NodeConfig.Cluster cluster, MeterRegistry meters) {
    VertxOptions options = new VertxOptions();
    VertxBuilder builder = Vertx.builder();
    if (meters != null) {
      options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
          .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
      builder.withMetrics(new MicrometerMetricsFactory(meters));
    }
    if (!cluster.enabled()) {
      return Future.succeededFuture(builder.with(options).build());
    }
    options.setEventBusOptions(eventBus(cluster));
    return builder.with(options).withClusterManager(new HazelcastClusterManager(hazelcast(cluster))).buildClustered();
  }

  /**
   * The event bus of a member: on {@code cluster.event_bus_port}, and with {@code cluster.tls} over
   * TLS with required client certificates of the cluster CA, so a member without one can neither
   * send to nor receive from the others (README "Security").
   */
  static EventBusOptions eventBus(NodeConfig.Cluster cluster) {
    EventBusOptions options = new EventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host())
        .setPort(cluster.eventBusPort());
    cluster.tls().ifPresent(tls -> options.setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certPath()).setKeyPath(tls.keyPath()))
        .setTrustOptions(new PemTrustOptions().addCertPath(tls.caPath()))
        .setClientAuth(ClientAuth.REQUIRED));
    return options;
  }

  static Config hazelcast(NodeConfig.Cluster cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.local.localAddress", cluster.host());
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (cluster.kubernetesDiscovery()) {
      // DNS lookup mode: no API access needed; the headless Service publishes not-ready pods too.
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", cluster.kubernetesServiceDns().orElseThrow())
          .setProperty("service-port", String.valueOf(cluster.port()));
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    }
    return config;
  }
}
