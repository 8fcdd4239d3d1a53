package org.domainregistry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @TempDir
  Path dir;

  @Test
  void defaults() {
    NodeConfig config = ConfigLoader.defaults();

    assertThat(config.http()).isEqualTo(new NodeConfig.Http("127.0.0.1", 8088, 65536, Optional.empty()));
    assertThat(config.db()).isEqualTo(new NodeConfig.Db(Optional.empty(), 8, "data/postgres", 5433, false, 2));
    assertThat(config.staticDomains()).isEmpty();
    assertThat(config.hostTypes()).isEmpty();
    assertThat(config.sync()).isEqualTo(new NodeConfig.Sync(1000, 1000, 1800, 7200, 200, 5000, 5000));
    assertThat(config.admin()).isEmpty();
    assertThat(config.cluster()).isEqualTo(
        new NodeConfig.Cluster(false, "domain-registry", "127.0.0.1", 5701, List.of("127.0.0.1:5701"),
            "members", Optional.empty(), 0, Optional.empty()));
    assertThat(config.removal()).isEqualTo(new NodeConfig.Removal(10_000, 30_000, 1_000, 1_000, 300_000, 600_000, 1_000));
  }

  @Test
  void shippedConfigFileHasTheDefaultsPlusItsExample() {
    NodeConfig shipped = ConfigLoader.load(Optional.empty(), NO_ENV);
    NodeConfig defaults = ConfigLoader.defaults();

    assertThat(shipped.staticDomains()).containsExactly(Map.entry("localhost", "localhost"));
    assertThat(shipped.hostTypes()).containsExactly("type1", "type2");
    assertThat(new NodeConfig(shipped.http(), shipped.db(), Map.of(), List.of(), shipped.sync(),
        shipped.admin(), shipped.cluster(), shipped.removal(), shipped.health(), shipped.shutdown(), shipped.logging(),
        shipped.login(), shipped.siblings(), List.of(), shipped.feed(), shipped.audit(), shipped.bulk()))
        .isEqualTo(defaults);
  }

  @Test
  void withoutFileAndWithoutDefaultFileTheDefaultsApply() {
    NodeConfig config = ConfigLoader.load(Optional.empty(), Map.of("DOMAINS_HTTP_PORT", "9000"),
        dir.resolve("absent.yaml"));

    assertThat(config.http().port()).isEqualTo(9000);
    assertThat(config.sync()).isEqualTo(ConfigLoader.defaults().sync());
  }

  @Test
  void fullYamlFile() throws IOException {
    Path file = write("node.yaml", """
        http: { host: 0.0.0.0, port: 0, max_body_bytes: 4096 }
        db:
          url: "postgresql://user:pass@db.internal:5432/domains"
          pool_size: 16
          embedded_dir: /var/lib/pg
          embedded_port: 0
        static_domains:
          localhost: localhost
          Bücher.Example: dummy auth
        host_types: [type1, "dummy auth"]
        sync:
          poll_interval_ms: 250
          page_size: 500
          event_cleaning_interval_s: 60
          event_max_age_s: 600
          gap_fill_delay_ms: 0
          cluster_wait_timeout_ms: 2000
        removal:
          handler_timeout_ms: 500
          lease_ms: 2000
          poll_interval_ms: 100
          retry_base_ms: 50
          retry_max_ms: 60000
        admin: { username: root, password: "12345" }
        cluster:
          enabled: true
          name: test-cluster
          host: 10.0.0.1
          port: 5801
          members: ["10.0.0.1:5801", "10.0.0.2:5801"]
        """);

    NodeConfig config = ConfigLoader.load(Optional.of(file), NO_ENV);

    assertThat(config.http()).isEqualTo(new NodeConfig.Http("0.0.0.0", 0, 4096, Optional.empty()));
    assertThat(config.db()).isEqualTo(new NodeConfig.Db(
        Optional.of("postgresql://user:pass@db.internal:5432/domains"), 16, "/var/lib/pg", 0, false, 2));
    assertThat(config.staticDomains()).containsExactly(
        Map.entry("localhost", "localhost"), Map.entry("xn--bcher-kva.example", "dummy auth"));
    assertThat(config.hostTypes()).containsExactly("type1", "dummy auth");
    assertThat(config.sync()).isEqualTo(new NodeConfig.Sync(250, 500, 60, 600, 0, 2000, 5000));
    assertThat(config.removal()).isEqualTo(new NodeConfig.Removal(500, 2000, 100, 50, 60_000, 600_000, 1_000));
    assertThat(config.admin()).contains(new NodeConfig.Admin("root", "12345"));
    assertThat(config.cluster()).isEqualTo(new NodeConfig.Cluster(true, "test-cluster", "10.0.0.1", 5801,
        List.of("10.0.0.1:5801", "10.0.0.2:5801"), "members", Optional.empty(), 0, Optional.empty()));
  }

  @Test
  void jsonFile() throws IOException {
    Path file = write("node.JSON", """
        {"http": {"port": 9001}, "host_types": ["t"], "static_domains": {"EXAMPLE.com": "t"},
         "sync": {"poll_interval_ms": 10}, "cluster": {"enabled": true},
         "db": {"url": "postgresql://u@db/domains"}}
        """);

    NodeConfig config = ConfigLoader.load(Optional.of(file), NO_ENV);

    assertThat(config.http().port()).isEqualTo(9001);
    assertThat(config.hostTypes()).containsExactly("t");
    assertThat(config.staticDomains()).containsExactly(Map.entry("example.com", "t"));
    assertThat(config.sync().pollIntervalMs()).isEqualTo(10);
    assertThat(config.cluster().enabled()).isTrue();
  }

  @Test
  void emptyYamlFileAndEmptySectionsGiveDefaults() throws IOException {
    assertThat(ConfigLoader.load(Optional.of(write("empty.yaml", "# nothing\n")), NO_ENV))
        .isEqualTo(ConfigLoader.defaults());
    assertThat(ConfigLoader.load(Optional.of(write("sections.yaml", "admin:\nhttp:\n")), NO_ENV))
        .isEqualTo(ConfigLoader.defaults());
  }

  @Test
  void namedFileMustExist() {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), NO_ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(missing + ": ");
  }

  @Test
  void unparseableFilesAreRejectedNamingTheFile() throws IOException {
    Path broken = write("broken.yaml", "http: { port: 1\n");
    Path duplicate = write("duplicate.yaml", "http:\n  port: 1\n  port: 2\n");
    Path list = write("list.yaml", "- a\n- b\n");
    Path trailing = write("trailing.json", "{} {}");

    for (Path file : List.of(broken, duplicate, list, trailing)) {
      assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), NO_ENV))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(file + ": ");
    }
  }

  @Test
  void envOverridesScalars() {
    NodeConfig config = ConfigLoader.fromMap(Map.of("http", Map.of("port", 1234)), Map.of(
        "DOMAINS_HTTP_PORT", "9000",
        "DOMAINS_HTTP_HOST", "0.0.0.0",
        "DOMAINS_DB_URL", "postgres://u:p@h/db",
        "DOMAINS_SYNC_POLL_INTERVAL_MS", " 200 ",
        "DOMAINS_SYNC_EVENT_MAX_AGE_S", "86400"));

    assertThat(config.http()).isEqualTo(new NodeConfig.Http("0.0.0.0", 9000, 65536, Optional.empty()));
    assertThat(config.db().url()).contains("postgres://u:p@h/db");
    assertThat(config.sync().pollIntervalMs()).isEqualTo(200);
    assertThat(config.sync().eventMaxAgeS()).isEqualTo(86400);
  }

  @Test
  void envOverridesBooleans() {
    assertThat(ConfigLoader.fromMap(Map.of(), Map.of("DOMAINS_CLUSTER_ENABLED", "true", "DOMAINS_DB_EMBEDDED", "true"))
        .cluster().enabled()).isTrue();
    assertThat(ConfigLoader.fromMap(Map.of("cluster", Map.of("enabled", true)),
        Map.of("DOMAINS_CLUSTER_ENABLED", "false")).cluster().enabled()).isFalse();
  }

  @Test
  void envOverridesListsAndMapsGivenAsJson() {
    NodeConfig config = ConfigLoader.fromMap(Map.of("host_types", List.of("old")), Map.of(
        "DOMAINS_HOST_TYPES", "[\"type1\", \"dummy auth\"]",
        "DOMAINS_STATIC_DOMAINS", "{\"localhost\": \"localhost\", \"Bücher.example\": \"type1\"}",
        "DOMAINS_CLUSTER_MEMBERS", "[\"127.0.0.1:5701\", \"127.0.0.1:5702\"]"));

    assertThat(config.hostTypes()).containsExactly("type1", "dummy auth");
    assertThat(config.staticDomains()).containsExactly(
        Map.entry("localhost", "localhost"), Map.entry("xn--bcher-kva.example", "type1"));
    assertThat(config.cluster().members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
  }

  @Test
  void envGivesAdminCredentials() {
    NodeConfig config = ConfigLoader.fromMap(Map.of(),
        Map.of("DOMAINS_ADMIN_USERNAME", "admin", "DOMAINS_ADMIN_PASSWORD", "secret"));

    assertThat(config.admin()).contains(new NodeConfig.Admin("admin", "secret"));
  }

  @Test
  void unknownDomainsVariablesAreRejectedAndOthersIgnored() {
    assertThat(ConfigLoader.fromMap(Map.of(), Map.of("PATH", "/bin", "DOMAINSX", "1")))
        .isEqualTo(ConfigLoader.defaults());
    assertFails(Map.of(), Map.of("DOMAINS_HTTP_PROT", "1"))
        .startsWith("DOMAINS_HTTP_PROT: unknown environment variable")
        .contains("DOMAINS_HTTP_PORT");
    assertFails(Map.of(), Map.of("DOMAINS_HTTP", "{\"port\": 1}"))
        .startsWith("DOMAINS_HTTP: unknown environment variable");
  }

  @Test
  void kubernetesServiceLinksNeverStopTheNode() {
    Map<String, String> injected = Map.of("DOMAINS_SERVICE_HOST", "10.0.0.7", "DOMAINS_SERVICE_PORT", "8088",
        "DOMAINS_SERVICE_PORT_HTTP", "8088", "DOMAINS_PORT", "tcp://10.0.0.7:8088",
        "DOMAINS_PORT_8088_TCP", "tcp://10.0.0.7:8088", "DOMAINS_PORT_8088_TCP_PROTO", "tcp",
        "DOMAINS_PORT_8088_TCP_PORT", "8088", "DOMAINS_PORT_8088_TCP_ADDR", "10.0.0.7",
        "DOMAINS_ADMIN_SERVICE_HOST", "10.0.0.8", "DOMAINS_HZ_PORT_5701_TCP", "tcp://10.0.0.9:5701");
    assertThat(ConfigLoader.fromMap(Map.of(), injected)).isEqualTo(ConfigLoader.defaults());
    assertThat(ConfigLoader.fromMap(Map.of(), Map.of("DOMAINS_SERVICE_HOST", "x", "DOMAINS_HTTP_PORT", "9000"))
        .http().port()).isEqualTo(9000);
    assertFails(Map.of(), Map.of("DOMAINS_SERVICE_HOST", "x", "DOMAINS_HTTP_PROT", "1"))
        .startsWith("DOMAINS_HTTP_PROT: unknown environment variable");
  }

  @Test
  void logFormatIsTextOrJson() {
    assertThat(ConfigLoader.fromMap(Map.of(), Map.of("DOMAINS_LOGGING_FORMAT", "json")).logging().format())
        .isEqualTo("json");
    assertFails(Map.of("logging", Map.of("format", "xml")), NO_ENV)
        .startsWith("logging.format: expected text or json, got \"xml\"");
  }

  @Test
  void kubernetesDiscoveryNeedsTheServiceDnsName() {
    assertFails(Map.of("cluster", Map.of("discovery", "kubernetes")), NO_ENV)
        .startsWith("cluster.kubernetes_service_dns: required with discovery: kubernetes");
    assertFails(Map.of("cluster", Map.of("discovery", "multicast")), NO_ENV)
        .startsWith("cluster.discovery: expected members or kubernetes");
    NodeConfig.Cluster cluster = ConfigLoader.fromMap(Map.of(), Map.of("DOMAINS_CLUSTER_DISCOVERY", "kubernetes",
        "DOMAINS_CLUSTER_KUBERNETES_SERVICE_DNS", "domain-registry-cluster.ns.svc.cluster.local")).cluster();
    assertThat(cluster.kubernetesDiscovery()).isTrue();
    assertThat(cluster.kubernetesServiceDns()).contains("domain-registry-cluster.ns.svc.cluster.local");
  }

  @Test
  void aClusteredNodeNeedsASharedDatabaseUnlessEmbeddedIsExplicit() {
    assertFails(Map.of("cluster", Map.of("enabled", true)), NO_ENV)
        .startsWith("db.url: required when cluster.enabled is true");
    assertThat(ConfigLoader.fromMap(Map.of("cluster", Map.of("enabled", true), "db", Map.of("embedded", true)),
        NO_ENV).db().embedded()).isTrue();
    assertThat(ConfigLoader.fromMap(Map.of("cluster", Map.of("enabled", false)), NO_ENV).db().url()).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badEnvValues")
  void badEnvValuesAreRejectedNamingTheVariable(String name, String value, String named) {
    assertFails(Map.of(), Map.of(name, value)).startsWith(named + ": ");
  }

  static Stream<Arguments> badEnvValues() {
    return Stream.of(
        Arguments.of("DOMAINS_HTTP_PORT", "abc", "DOMAINS_HTTP_PORT (http.port)"),
        Arguments.of("DOMAINS_HTTP_PORT", "70000", "DOMAINS_HTTP_PORT (http.port)"),
        Arguments.of("DOMAINS_CLUSTER_ENABLED", "yes", "DOMAINS_CLUSTER_ENABLED (cluster.enabled)"),
        Arguments.of("DOMAINS_CLUSTER_ENABLED", "TRUE", "DOMAINS_CLUSTER_ENABLED (cluster.enabled)"),
        Arguments.of("DOMAINS_HOST_TYPES", "type1", "DOMAINS_HOST_TYPES (host_types)"),
        Arguments.of("DOMAINS_HOST_TYPES", "{\"a\": \"b\"}", "DOMAINS_HOST_TYPES (host_types)"),
        Arguments.of("DOMAINS_HOST_TYPES", "[\"a\"] x", "DOMAINS_HOST_TYPES (host_types)"),
        Arguments.of("DOMAINS_HOST_TYPES", "[1]", "DOMAINS_HOST_TYPES (host_types[0])"),
        Arguments.of("DOMAINS_STATIC_DOMAINS", "{\"a b\": \"t\"}",
            "DOMAINS_STATIC_DOMAINS (static_domains[\"a b\"])"),
        Arguments.of("DOMAINS_DB_URL", "mysql://h/db", "DOMAINS_DB_URL (db.url)"),
        Arguments.of("DOMAINS_REMOVAL_LEASE_MS", "0", "DOMAINS_REMOVAL_LEASE_MS (removal.lease_ms)"));
  }

  @Test
  void unknownFileKeysAreRejectedNamingTheirPath() {
    assertFails(Map.of("htp", Map.of()), NO_ENV).startsWith("htp: unknown key");
    assertFails(Map.of("http", Map.of("prot", 1)), NO_ENV)
        .startsWith("http.prot: unknown key").contains("port");
    assertFails(Map.of("sync", Map.of("poll_interval", 100)), NO_ENV)
        .startsWith("sync.poll_interval: unknown key");
    assertFails(Map.of("http", 8088), NO_ENV).startsWith("http: expected a mapping");
    assertFails(Map.of("http.port", 9000), NO_ENV).startsWith("http.port: unknown key");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badValues")
  void badValuesAreRejectedNamingTheKey(String path, Object value, String named, String expectation) {
    String[] parts = path.split("\\.");
    Map<String, Object> tree = parts.length == 1
        ? Map.of(parts[0], value)
        : Map.of(parts[0], Map.of(parts[1], value));
    assertFails(tree, NO_ENV).startsWith(named + ": ").contains(expectation);
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("http.port", -1, "http.port", "0..65535"),
        Arguments.of("http.port", 65536, "http.port", "0..65535"),
        Arguments.of("http.port", "8088", "http.port", "got a string"),
        Arguments.of("http.port", 80.5, "http.port", "integer"),
        Arguments.of("http.host", "", "http.host", "must not be empty"),
        Arguments.of("http.max_body_bytes", 10, "http.max_body_bytes", "integer"),
        Arguments.of("db.pool_size", 0, "db.pool_size", "1.."),
        Arguments.of("db.url", "http://h/db", "db.url", "postgresql"),
        Arguments.of("db.url", "postgresql://", "db.url", "postgresql"),
        Arguments.of("db.embedded_port", 99999, "db.embedded_port", "0..65535"),
        Arguments.of("sync.poll_interval_ms", 9, "sync.poll_interval_ms", "10.."),
        Arguments.of("sync.page_size", 0, "sync.page_size", "1..100000"),
        Arguments.of("sync.page_size", 100_001, "sync.page_size", "1..100000"),
        Arguments.of("sync.event_max_age_s", 0, "sync.event_max_age_s", "1.."),
        Arguments.of("sync.gap_fill_delay_ms", -5, "sync.gap_fill_delay_ms", "0.."),
        Arguments.of("sync.cluster_wait_timeout_ms", 60_001, "sync.cluster_wait_timeout_ms", "1..60000"),
        Arguments.of("removal.handler_timeout_ms", 0, "removal.handler_timeout_ms", "1..3600000"),
        Arguments.of("removal.lease_ms", 99, "removal.lease_ms", "100..3600000"),
        Arguments.of("removal.retry_base_ms", "1s", "removal.retry_base_ms", "got a string"),
        Arguments.of("cluster.enabled", "yes", "cluster.enabled", "true or false"),
        Arguments.of("cluster.port", 1L << 40, "cluster.port", "0..65535"),
        Arguments.of("cluster.members", "127.0.0.1:5701", "cluster.members", "list"),
        Arguments.of("cluster.members", List.of(5701), "cluster.members[0]", "string"),
        Arguments.of("host_types", List.of("ok", "a\nb"), "host_types[1]", "invalid host type"),
        Arguments.of("host_types", List.of("t", "u", "t"), "host_types[2]", "duplicate"),
        Arguments.of("static_domains", List.of("localhost"), "static_domains", "mapping"),
        Arguments.of("static_domains", Map.of("x.com", "bad\ttype"), "static_domains[\"x.com\"]",
            "invalid host type"));
  }

  @Test
  void staticDomainNamesAreNormalised() {
    NodeConfig config = ConfigLoader.fromMap(Map.of("static_domains",
        Map.of("LocalHost", "localhost", "BÜCHER.example", "t", "xn--caf-dma.example", "t")), NO_ENV);

    assertThat(config.staticDomains()).containsOnly(Map.entry("localhost", "localhost"),
        Map.entry("xn--bcher-kva.example", "t"), Map.entry("xn--caf-dma.example", "t"));
  }

  @Test
  void invalidOrRepeatedStaticDomainsAreRejected() {
    assertFails(Map.of("static_domains", Map.of("a..com", "t")), NO_ENV)
        .startsWith("static_domains[\"a..com\"]: invalid domain name");
    assertFails(Map.of("static_domains", Map.of("%f3", "t")), NO_ENV)
        .startsWith("static_domains[\"%f3\"]: invalid domain name");
    Map<String, String> twoSpellings = new LinkedHashMap<>();
    twoSpellings.put("bücher.example", "t");
    twoSpellings.put("BÜCHER.example", "t");
    assertFails(Map.of("static_domains", twoSpellings), NO_ENV)
        .startsWith("static_domains[\"BÜCHER.example\"]: same domain as \"bücher.example\"");
  }

  @Test
  void adminNeedsBothUsernameAndPassword() {
    assertFails(Map.of("admin", Map.of("username", "admin")), NO_ENV)
        .startsWith("admin.password: missing");
    assertFails(Map.of("admin", Map.of("password", "secret")), NO_ENV)
        .startsWith("admin.username: missing");
    assertFails(Map.of("admin", Map.of("username", "admin", "password", "")), NO_ENV)
        .startsWith("admin.password: must not be empty");
    assertFails(Map.of("admin", Map.of("username", "admin", "password", 12345)), NO_ENV)
        .startsWith("admin.password: expected a string").doesNotContain("12345");
    assertFails(Map.of(), Map.of("DOMAINS_ADMIN_USERNAME", "admin"))
        .startsWith("admin.password: missing");
  }

  @Test
  void collectionsAreImmutableAndSecretsStayOutOfToString() {
    NodeConfig config = ConfigLoader.fromMap(Map.of(
        "host_types", List.of("t"),
        "admin", Map.of("username", "admin", "password", "s3cret"),
        "db", Map.of("url", "postgresql://user:dbpass@h:5432/db")), NO_ENV);

    assertThatThrownBy(() -> config.hostTypes().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.staticDomains().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(config.toString()).doesNotContain("s3cret", "dbpass").contains("user:***@h:5432/db");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static AbstractStringAssert<?> assertFails(Map<String, ?> tree, Map<String, String> env) {
    try {
      ConfigLoader.fromMap(tree, env);
    } catch (ConfigException e) {
      return assertThat(e.getMessage());
    }
    throw new AssertionError("expected a ConfigException for " + tree + " with " + env);
  }
}
