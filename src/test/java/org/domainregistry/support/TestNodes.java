package org.domainregistry.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domainregistry.config.ConfigLoader;
import org.domainregistry.config.NodeConfig;
import org.domainregistry.node.Node;

/** Builds node configs for tests (ephemeral HTTP port, a real database) and starts nodes. */
public final class TestNodes {
  private static final int UNTHROTTLED = 1_000_000_000;

  private TestNodes() {}

  /**
   * A config on {@code dbUrl} with static {@code localhost → localhost}, allowed host types
   * {@code type1, type2}, a fast poll, login throttling out of the way (tests of it set their
   * own {@code login}), then {@code overrides} (top-level sections replaced whole).
   */
  public static NodeConfig config(String dbUrl, Map<String, Object> overrides) {
    Map<String, Object> tree = new HashMap<>();
    tree.put("http", Map.of("host", "127.0.0.1", "port", 0));
    tree.put("db", Map.of("url", dbUrl, "pool_size", 4));
    tree.put("static_domains", Map.of("localhost", "localhost", "static.example", "type1"));
    tree.put("host_types", List.of("type1", "type2", "dummy auth"));
    tree.put("sync", Map.of("poll_interval_ms", 200, "gap_fill_delay_ms", 100));
    tree.put("login", Map.of("max_failures_per_address", UNTHROTTLED, "max_failures_per_account", UNTHROTTLED));
    tree.putAll(overrides);
    return ConfigLoader.fromMap(tree, Map.of());
  }

  public static Node start(NodeConfig config) {
    return Await.result(Node.start(config));
  }
}
