package org.domainregistry.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads a configuration file into a tree: JSON when its name ends in {@code .json}, else YAML. */
final class ConfigFiles {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .build();
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ConfigFiles() {}

  /** The top-level mapping of the file; an empty file gives an empty mapping. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": configuration file does not exist or is not a file");
    }
    ObjectMapper mapper = isJson(file) ? JSON : YAML;
    JsonNode root;
    try {
      root = mapper.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new ConfigException(file + ": cannot parse: " + e.getOriginalMessage()
          + location(e), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new LinkedHashMap<>();
    }
    if (!root.isObject()) {
      throw new ConfigException(file + ": expected a mapping of keys at the top level ("
          + ConfigSchema.namesIn(null) + ")");
    }
    return mapper.convertValue(root, LinkedHashMap.class);
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
