package org.domainregistry.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start a {@link NodeProcess}: its YAML config, where its HTTP API answers, JVM options, and
 * for fault injection a command prefix (e.g. {@code ip netns exec NS}) and extra environment
 * variables (e.g. a locale).
 *
 * @param yaml the node's config file
 * @param host the address its HTTP API answers on
 * @param httpPort its HTTP port
 * @param deadline how long it may take to become ready
 * @param jvmOptions options before the main class (heap, system properties ...)
 * @param commandPrefix words run before {@code java}, empty for none
 * @param environment variables added to the process's environment
 */
public record NodeLaunch(String yaml, String host, int httpPort, Duration deadline, List<String> jvmOptions,
                         List<String> commandPrefix, Map<String, String> environment) {
  /** Copies the lists and the map. */
  public NodeLaunch {
    jvmOptions = List.copyOf(jvmOptions);
    commandPrefix = List.copyOf(commandPrefix);
    environment = Map.copyOf(environment);
  }

  /** A node on loopback with these JVM options, no prefix and no extra environment. */
  public static NodeLaunch onLoopback(String yaml, int httpPort, Duration deadline, List<String> jvmOptions) {
    return new NodeLaunch(yaml, "127.0.0.1", httpPort, deadline, jvmOptions, List.of(), Map.of());
  }
}
