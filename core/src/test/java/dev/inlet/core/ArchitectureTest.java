package dev.inlet.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps core free of the other modules, its root package free of its sub-packages, and no cycles. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.inlet.core");

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.inlet.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.inlet.rest..", "dev.inlet.graphql..",
                        "dev.inlet.webhooks..", "dev.inlet.examples..", "dev.inlet.bench..")
                .check(CORE);
    }

    @Test
    void theRootPackageIsTheBottomLayer() {
        noClasses().that().resideInAPackage("dev.inlet.core")
                .should().dependOnClassesThat().resideInAPackage("dev.inlet.core.(*)..")
                .check(CORE);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.inlet.core.(**)").should().beFreeOfCycles().check(CORE);
    }
}
