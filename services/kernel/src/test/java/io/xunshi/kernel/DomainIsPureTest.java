package io.xunshi.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Domain code decides and folds; it knows nothing of frameworks, HTTP, messaging or databases. */
class DomainIsPureTest {

    private final JavaClasses kernel = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.xunshi.kernel");

    @Test
    void the_domain_package_imports_no_framework() {
        noClasses().that().resideInAPackage("io.xunshi.kernel.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.smallrye..",
                        "io.vertx..", "org.apache.kafka..", "com.fasterxml..")
                .check(kernel);
    }
}
