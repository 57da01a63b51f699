package dev.inlet.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Rules across every module (this module sees them all): libraries never depend on each other
 * except on core, nothing depends on the examples, and no package anywhere is in a cycle.
 */
class ModuleArchitectureTest {

    private static final JavaClasses INLET = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.inlet");

    @Test
    void libraryModulesDependOnlyOnCore() {
        noClasses().that().resideInAPackage("dev.inlet.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.inlet.graphql..", "dev.inlet.webhooks..",
                        "dev.inlet.examples..")
                .check(INLET);
        noClasses().that().resideInAPackage("dev.inlet.graphql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.inlet.rest..", "dev.inlet.webhooks..",
                        "dev.inlet.examples..")
                .check(INLET);
        noClasses().that().resideInAPackage("dev.inlet.webhooks..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.inlet.rest..", "dev.inlet.graphql..",
                        "dev.inlet.examples..")
                .check(INLET);
        noClasses().that().resideInAPackage("dev.inlet.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.inlet.rest..", "dev.inlet.graphql..",
                        "dev.inlet.webhooks..", "dev.inlet.examples..")
                .check(INLET);
    }

    @Test
    void noPackageCyclesAnywhere() {
        slices().matching("dev.inlet.(**)").should().beFreeOfCycles().check(INLET);
    }
}
