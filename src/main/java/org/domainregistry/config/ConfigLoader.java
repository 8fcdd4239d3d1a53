package org.domainregistry.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads the {@link NodeConfig} of a node: a YAML (or JSON) file, then {@code DOMAINS_...}
 * environment overrides, then validation. Any problem is a {@link ConfigException} naming the key
 * or environment variable at fault.
 *
 * <p>Every key can be overridden by {@code DOMAINS_} followed by its path in upper case with
 * {@code _} between parts: {@code sync.poll_interval_ms} by {@code DOMAINS_SYNC_POLL_INTERVAL_MS}.
 * Lists and mappings are given as JSON, e.g. {@code DOMAINS_HOST_TYPES=["type1"]}; booleans as
 * {@code true} or {@code false}.
 */
public final class ConfigLoader {
  /** The file read when none is named, relative to the working directory. */
  public static final Path DEFAULT_FILE = Path.of("conf", "domain-registry.yaml");

  private ConfigLoader() {}

  /**
   * Loads the configuration of a node.
   *
   * @param file the file to read, which must exist; when empty, {@link #DEFAULT_FILE} is read if
   *     present, else the defaults are used
   * @param env the process environment (only {@code DOMAINS_...} variables are looked at)
   * @return the validated configuration
   * @throws ConfigException when the file cannot be read or a value is unknown or invalid
   */
  public static NodeConfig load(Optional<Path> file, Map<String, String> env) {
    return load(file, env, DEFAULT_FILE);
  }

  static NodeConfig load(Optional<Path> file, Map<String, String> env, Path defaultFile) {
    Objects.requireNonNull(file, "file");
    Map<String, Object> tree = file.isPresent() ? ConfigFiles.read(file.get())
        : Files.exists(defaultFile) ? ConfigFiles.read(defaultFile)
        : Map.of();
    return fromMap(tree, env);
  }

  /**
   * Validates a configuration tree, as read from a file, with environment overrides applied.
   *
   * @param tree top-level keys to values: mappings for sections, lists, maps and scalars as YAML
   *     or JSON would give them
   * @param env the environment to take {@code DOMAINS_...} overrides from
   * @return the validated configuration
   * @throws ConfigException when a key is unknown or a value is invalid
   */
  public static NodeConfig fromMap(Map<String, ?> tree, Map<String, String> env) {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(env, "env");
    Map<ConfigKey, Setting> settings = TreeReader.read(tree);
    EnvOverrides.apply(settings, env);
    return NodeConfigFactory.build(new Settings(settings));
  }

  /** The configuration with every key at its default: embedded PostgreSQL, no static domains. */
  public static NodeConfig defaults() {
    return fromMap(Map.of(), Map.of());
  }
}
