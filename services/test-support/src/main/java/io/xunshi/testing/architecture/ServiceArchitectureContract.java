package io.xunshi.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers every service keeps, checked on its compiled main classes: {@code domain} decides and folds with
 * nothing but the JDK, the contract records and the kernel's domain types; {@code application} runs commands
 * and queries without knowing how the service is exposed or fed ({@code api}, {@code infrastructure});
 * {@code api} maps HTTP to the application and touches no SQL; {@code infrastructure} (projections,
 * consumers, start-up work) may use the application and the domain but not the api. A service's test
 * extends this class, names its base package and is a plain JUnit test: it boots nothing.
 */
public abstract class ServiceArchitectureContract {

    /** The service's base package, e.g. {@code io.xunshi.planning}. */
    protected abstract String basePackage();

    /** JUnit makes one instance per test: the import, the slow part, is made once per package and JVM. */
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** The service's main classes (not its tests). */
    protected final JavaClasses imported() {
        return IMPORTED.computeIfAbsent(basePackage(), base -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(base));
    }

    private String layer(String name) {
        return basePackage() + "." + name + "..";
    }

    @Test
    void every_class_lives_in_one_of_the_four_layers() {
        classes().should().resideInAnyPackage(layer("domain"), layer("application"), layer("infrastructure"),
                layer("api"))
                .because("the package says which layer a class belongs to")
                .check(imported());
    }

    @Test
    void the_domain_depends_only_on_the_jdk_the_contract_records_and_the_kernel_domain() {
        classes().that().resideInAPackage(layer("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(layer("domain"), "java..",
                        "io.xunshi.contracts..", "io.xunshi.kernel.domain..")
                .because("deciders are pure functions of state and command, testable without booting anything")
                .check(imported());
    }

    @Test
    void the_application_depends_neither_on_infrastructure_nor_on_the_api() {
        noClasses().that().resideInAPackage(layer("application"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("infrastructure"), layer("api"))
                .because("the application is what the api and the infrastructure use, not the other way round")
                .check(imported());
    }

    @Test
    void the_api_does_not_depend_on_infrastructure() {
        noClasses().that().resideInAPackage(layer("api"))
                .should().dependOnClassesThat().resideInAPackage(layer("infrastructure"))
                .because("the api reaches storage and messaging through the application")
                .check(imported());
    }

    @Test
    void the_api_does_not_touch_sql() {
        ArchRule rule = noClasses().that().resideInAPackage(layer("api"))
                .should(SqlUse.touchSql())
                .because("transactions and queries belong to the application, which the api calls");
        rule.check(imported());
    }

    @Test
    void nothing_but_the_api_depends_on_the_api() {
        noClasses().that().resideOutsideOfPackage(layer("api"))
                .should().dependOnClassesThat().resideInAPackage(layer("api"))
                .because("the api is the outermost layer: nothing is built on it")
                .check(imported());
    }

    @Test
    void the_layers_are_free_of_cycles() {
        slices().matching(basePackage() + ".(*)..").should().beFreeOfCycles().check(imported());
    }

    @Test
    void the_domain_and_the_application_know_nothing_of_kafka_or_http() {
        noClasses().that().resideInAnyPackage(layer("domain"), layer("application"))
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
                        "org.eclipse.microprofile.reactive.messaging..", "io.smallrye.reactive.messaging..",
                        "jakarta.ws.rs..", "org.jboss.resteasy..")
                .because("messaging belongs to the infrastructure and HTTP to the api")
                .check(imported());
    }

    @Test
    void nothing_writes_to_standard_output_or_error() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("logs go through the logger, which carries the trace and correlation ids")
                .check(imported());
    }

    @Test
    void nothing_uses_java_util_logging() {
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because("the services log through JBoss Logging").check(imported());
    }

    @Test
    void nothing_throws_generic_exceptions() {
        NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
                .because("a rejection has a kind (invalid command, illegal state, missing part) that maps to a"
                        + " status; a bare RuntimeException answers 500")
                .check(imported());
    }
}
