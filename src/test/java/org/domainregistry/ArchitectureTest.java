package org.domainregistry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of README "Code layout", enforced: bottom to top {@code registry} (plain Java) ←
 * {@code config} ← {@code store} ← {@code sync} ← {@code removal} ← {@code service} (with
 * {@code admins}) ← {@code bus}, {@code api} ← {@code node}, {@code cli} ← {@code Main}. No import
 * runs upward, the two faces do not use each other, and no two packages depend on each other.
 * (Rules are checked from methods: Surefire 3.5.3 does not run {@code @ArchTest} fields.)
 */
@AnalyzeClasses(packages = "org.domainregistry", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  private static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Main").definedBy("org.domainregistry")
      .layer("Cli").definedBy("org.domainregistry.cli..")
      .layer("Node").definedBy("org.domainregistry.node..")
      .layer("Api").definedBy("org.domainregistry.api..")
      .layer("Bus").definedBy("org.domainregistry.bus..")
      .layer("Service").definedBy("org.domainregistry.service..", "org.domainregistry.admins..")
      .layer("Removal").definedBy("org.domainregistry.removal..")
      .layer("Sync").definedBy("org.domainregistry.sync..")
      .layer("Store").definedBy("org.domainregistry.store..")
      .layer("Config").definedBy("org.domainregistry.config..")
      .layer("Registry").definedBy("org.domainregistry.registry..")
      .whereLayer("Main").mayNotBeAccessedByAnyLayer()
      .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main")
      .whereLayer("Node").mayOnlyBeAccessedByLayers("Main")
      .whereLayer("Api").mayOnlyBeAccessedByLayers("Node", "Cli")
      .whereLayer("Bus").mayOnlyBeAccessedByLayers("Node")
      .whereLayer("Service").mayOnlyBeAccessedByLayers("Api", "Bus", "Node")
      .whereLayer("Removal").mayOnlyBeAccessedByLayers("Service", "Api", "Bus", "Node")
      .whereLayer("Sync").mayOnlyBeAccessedByLayers("Removal", "Service", "Api", "Bus", "Node")
      .whereLayer("Store").mayOnlyBeAccessedByLayers("Sync", "Removal", "Service", "Api", "Bus", "Node")
      .whereLayer("Config").mayOnlyBeAccessedByLayers("Store", "Sync", "Removal", "Service", "Api", "Bus", "Node",
          "Cli", "Main");

  private static final ArchRule NO_PACKAGE_LOOPS = slices().matching("org.domainregistry.(**)").should().beFreeOfCycles();

  private static final ArchRule PLAIN_JAVA_REGISTRY = noClasses().that().resideInAPackage("org.domainregistry.registry..")
      .should().dependOnClassesThat().resideOutsideOfPackages("org.domainregistry.registry..", "java..", "com.ibm.icu..");

  private static final ArchRule SQL_ONLY_IN_STORE = noClasses().that().resideOutsideOfPackage("org.domainregistry.store..")
      .should().dependOnClassesThat().resideInAPackage("io.vertx.sqlclient..");

  @ArchTest
  static void layersOnlyUseTheLayersBelow(JavaClasses classes) {
    LAYERS.check(classes);
  }

  @ArchTest
  static void noTwoPackagesDependOnEachOther(JavaClasses classes) {
    NO_PACKAGE_LOOPS.check(classes);
  }

  @ArchTest
  static void theRegistryIsPlainJava(JavaClasses classes) {
    PLAIN_JAVA_REGISTRY.check(classes);
  }

  @ArchTest
  static void onlyTheStoreSpeaksSql(JavaClasses classes) {
    SQL_ONLY_IN_STORE.check(classes);
  }
}
