package org.domainregistry.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the {@link NodeConfig} of a node: a YAML (or JSON) file, then {@code DOMAINS_...}
 * environment overrides, then binding onto the records by Jackson. Any problem is a
 * {@link ConfigException} naming the key or environment variable at fault (README "Configuration").
 *
 * <p>Every key can be overridden by {@code DOMAINS_} followed by its path in upper case with
 * {@code _} between parts: {@code sync.poll_interval_ms} by {@code DOMAINS_SYNC_POLL_INTERVAL_MS}.
 * Lists and mappings are given as JSON, e.g. {@code DOMAINS_HOST_TYPES=["type1"]}; booleans as
 * {@code true} or {@code false}.
 */
public final class ConfigLoader {
  /** The file read when none is named, relative to the working directory. */
  public static final Path DEFAULT_FILE = Path.of("conf", "domain-registry.yaml");

  /** Reads JSON and binds trees, taking values as given: "8088" is no port, 80.5 no integer. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(ConfigTree.SNAKE_CASE).addModule(new Jdk8Module())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .withCoercionConfigDefaults(config -> Stream.of(CoercionInputShape.values())
          .forEach(shape -> config.setCoercion(shape, CoercionAction.Fail)))
      .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)).build();
  static final ObjectMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ConfigTree ROOT =
      new ConfigTree("", JSON.constructType(NodeConfig.class), null, JSON.missingNode());
  /** The variables that can set a key (any key but those in lists), in the order of the records. */
  private static final List<String> VARIABLES = ROOT.variables().toList();

  /** Kubernetes service-link variables of a Service whose name starts with {@code domains}. */
  private static final Pattern SERVICE_LINK = Pattern.compile(
      "DOMAINS_(?:[A-Z0-9_]+_)?(?:SERVICE_HOST|SERVICE_PORT(?:_[A-Z0-9_]+)?|PORT(?:_\\d+_(?:TCP|UDP|SCTP)(?:_PROTO|_PORT|_ADDR)?)?)");

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
    boolean read = Objects.requireNonNull(file, "file").isPresent() || Files.exists(defaultFile);
    return bind(read ? read(file.orElse(defaultFile)) : JSON.createObjectNode(), env);
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
    return bind(JSON.valueToTree(Objects.requireNonNull(tree, "tree")), env);
  }

  /** The configuration with every key at its default: embedded PostgreSQL, no static domains. */
  public static NodeConfig defaults() {
    return fromMap(Map.of(), Map.of());
  }

  /** The variable overriding a key: {@code DOMAINS_SYNC_PAGE_SIZE} for {@code sync.page_size}. */
  static String envName(String path) {
    return "DOMAINS_" + path.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /**
   * True for the names of Kubernetes service links ({@code <SERVICE>_SERVICE_HOST},
   * {@code <SERVICE>_SERVICE_PORT[_<NAME>]}, {@code <SERVICE>_PORT[_<N>_<PROTO>[_PROTO|_PORT|_ADDR]]}):
   * a Service named {@code domains} or {@code domains-admin} in the namespace makes every pod see them.
   */
  static boolean isServiceLink(String name) {
    return SERVICE_LINK.matcher(name).matches() && !VARIABLES.contains(name);
  }

  private static ObjectNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": configuration file does not exist or is not a file");
    }
    JsonNode tree;
    try {
      tree = (file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML).readTree(file.toFile());
    } catch (JacksonException e) {
      throw new ConfigException(file + ": cannot parse: " + e.getOriginalMessage() + (e.getLocation() == null
          ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return JSON.createObjectNode();
    } else if (tree instanceof ObjectNode object) {
      return object;
    }
    throw new ConfigException(file + ": expected a mapping of keys at the top level (" + ROOT.names() + ")");
  }

  private static NodeConfig bind(ObjectNode tree, Map<String, String> env) {
    rejectUnknown(Objects.requireNonNull(env, "env"));
    ConfigTree root = new ConfigTree("", ROOT.type(), null, tree);
    root.prepare(env);
    try {
      return JSON.treeToValue(tree, NodeConfig.class);
    } catch (JsonProcessingException e) {
      ConfigTree key = root;
      for (var step : e instanceof JsonMappingException m ? m.getPath() : List.<JsonMappingException.Reference>of()) {
        key = key.child(step.getFieldName(), step.getIndex());
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof ConfigException rejected && rejected.key != null) {
          throw ConfigTree.fail(ConfigTree.join(key.path(), rejected.key), rejected.problem(), env);
        }
      }
      JsonNode node = key.node();
      String got = key.isInteger() && node.isIntegralNumber() ? node.asText() : ConfigTree.describe(node);
      boolean quote = key.type().hasRawClass(String.class) && (node.isNumber() || node.isBoolean());
      throw ConfigTree.fail(key.path(), "expected " + key.kind() + ", got " + got + (quote ? " (quote it in YAML)" : ""), env);
    }
  }

  /**
   * Rejects {@code DOMAINS_} variables that name no key (README "Environment overrides"), except
   * those Kubernetes injects for a Service named {@code domains...} ({@link #isServiceLink}).
   */
  private static void rejectUnknown(Map<String, String> env) {
    String unknown = env.keySet().stream().filter(name -> name.startsWith("DOMAINS_"))
        .filter(name -> !VARIABLES.contains(name)).filter(name -> !isServiceLink(name))
        .sorted().collect(Collectors.joining(", "));
    if (!unknown.isEmpty()) {
      throw new ConfigException(unknown + ": unknown environment variable; known: " + String.join(", ", VARIABLES));
    }
  }
}
