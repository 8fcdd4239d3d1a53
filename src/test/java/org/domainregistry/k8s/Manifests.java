package org.domainregistry.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.domainregistry.config.ConfigLoader;
import org.domainregistry.config.NodeConfig;

/**
 * Rendered manifests as fabric8 objects: {@code kubectl kustomize DIR} (kubectl has kustomize built
 * in), each document bound to its kind's class, and no field anywhere that the model does not know
 * (fabric8 keeps those in {@code additionalProperties}; a typo such as {@code readinesProbe} lands
 * there).
 */
final class Manifests {
  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
      "Secret", Secret.class, "PodDisruptionBudget", PodDisruptionBudget.class);
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final List<HasMetadata> objects;

  private Manifests(List<HasMetadata> objects) {
    this.objects = objects;
  }

  /** Renders {@code dir} (relative to the project) with kubectl and parses every object strictly. */
  static Manifests render(String dir) {
    List<HasMetadata> objects = new ArrayList<>();
    try {
      var parser = new YAMLFactory().createParser(kustomize(dir));
      for (JsonNode doc : YAMLMapper.builder().build().readValues(parser, JsonNode.class).readAll()) {
        Class<? extends HasMetadata> type = KINDS.get(doc.path("kind").asText());
        assertThat(type).as("a kind this project uses: %s", doc.path("kind")).isNotNull();
        HasMetadata object = MAPPER.treeToValue(doc, type);
        assertNoUnknownFields(object, doc.path("kind").asText() + "/" + object.getMetadata().getName());
        objects.add(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Manifests(objects);
  }

  private static String kustomize(String dir) throws IOException {
    boolean kubectl = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(bin -> Files.isExecutable(Path.of(bin, "kubectl")));
    org.junit.jupiter.api.Assumptions.assumeTrue(kubectl, "kubectl (with its built-in kustomize) is not on the PATH");
    Process process = new ProcessBuilder("kubectl", "kustomize", dir).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(process.exitValue()).as("kubectl kustomize %s: %s", dir, out).isZero();
    return out;
  }

  /** The only object of this kind and name (generated names match by their prefix). */
  <T extends HasMetadata> T one(Class<T> type, String name) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name) || o.getMetadata().getName().matches(
            java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}")).toList();
    assertThat(found).as("%s %s among %s", type.getSimpleName(), name, objects.size()).hasSize(1);
    return found.get(0);
  }

  /**
   * The configuration a pod of this container loads: the file its {@code --config} names, from the
   * ConfigMap mounted there, with the container's {@code DOMAINS_*} environment (secrets decoded,
   * {@code $(VAR)} expanded, the namespace as given).
   */
  NodeConfig nodeConfig(Container container, String namespace) {
    Path file = Path.of(container.getArgs().get(container.getArgs().indexOf("--config") + 1));
    String mount = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(file.getParent().toString()))
        .findFirst().orElseThrow().getName();
    String configMap = one(Deployment.class, "domain-registry").getSpec().getTemplate().getSpec().getVolumes()
        .stream().filter(v -> v.getName().equals(mount)).findFirst().orElseThrow().getConfigMap().getName();
    ConfigMap map = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
        .filter(c -> c.getMetadata().getName().equals(configMap)).findFirst()
        .orElseThrow(() -> new AssertionError("no ConfigMap " + configMap));
    String yaml = map.getData().get(file.getFileName().toString());
    assertThat(yaml).as("key %s in ConfigMap %s", file.getFileName(), configMap).isNotNull();
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      env.put(var.getName(), value(var, env, namespace));
    }
    env.keySet().removeIf(name -> !name.startsWith("DOMAINS_"));
    try {
      Path written = Files.createTempFile("k8s-node-", ".yaml");
      Files.writeString(written, yaml);
      return ConfigLoader.load(java.util.Optional.of(written), env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String value(EnvVar var, Map<String, String> earlier, String namespace) {
    if (var.getValue() != null) {
      String value = var.getValue();
      for (var entry : earlier.entrySet()) {
        value = value.replace("$(" + entry.getKey() + ")", entry.getValue());
      }
      return value;
    }
    var from = var.getValueFrom();
    if (from.getSecretKeyRef() != null) {
      return ManifestsTest.decode(one(Secret.class, from.getSecretKeyRef().getName()), from.getSecretKeyRef().getKey());
    }
    return switch (from.getFieldRef().getFieldPath()) {
      case "metadata.namespace" -> namespace;
      case "status.podIP" -> "10.0.0.1";
      default -> throw new AssertionError("unexpected field " + from.getFieldRef().getFieldPath());
    };
  }

  /** Walks the fabric8 object graph: every {@code additionalProperties} must be empty. */
  private static void assertNoUnknownFields(Object object, String where) {
    if (object == null || !object.getClass().getName().startsWith("io.fabric8.")) {
      if (object instanceof Collection<?> list) {
        list.forEach(item -> assertNoUnknownFields(item, where + "[]"));
      } else if (object instanceof Map<?, ?> map) {
        map.values().forEach(item -> assertNoUnknownFields(item, where + "{}"));
      }
      return;
    }
    for (Method getter : object.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(object);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        assertThat((Map<?, ?>) value).as("unknown fields in %s (%s)", where, object.getClass().getSimpleName())
            .isNullOrEmpty();
      } else {
        assertNoUnknownFields(value, where + "." + getter.getName().substring(3));
      }
    }
  }
}
