package dev.inlet.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Rules across every module (this module sees them all): libraries never depend on each other
 * except on core, and nothing depends on the examples. Cycles and the modules' exported packages:
 * {@link dev.inlet.examples.api.ApiBoundaryTest}.
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
    void libraryCodeNeverDependsOnTheTestKitAndTheTestKitUsesOnlyPublicCoreAndWebhooks() {
        // That it uses no internal package of core or webhooks is ApiBoundaryTest's rule (no export to it).
        noClasses().that().resideInAnyPackage("dev.inlet.core..", "dev.inlet.rest..", "dev.inlet.graphql..",
                        "dev.inlet.webhooks..", "dev.inlet.servlet..", "dev.inlet.spring..")
                .should().dependOnClassesThat().resideInAPackage("dev.inlet.testkit..")
                .check(INLET);
        noClasses().that().resideInAPackage("dev.inlet.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.inlet.rest..", "dev.inlet.graphql..",
                        "dev.inlet.examples..")
                .check(INLET);
    }

    @Test
    void theTestKitsOptionalDependenciesStayInTheirCorners() {
        // Plain Java users have neither JUnit nor WireMock: only the extension and the interop may name them.
        noClasses().that().resideInAPackage("dev.inlet.testkit..")
                .and().doNotHaveSimpleName("InletFake").and().doNotHaveSimpleName("InletFakeExtension")
                .should().dependOnClassesThat().resideInAPackage("org.junit..")
                .check(INLET);
        noClasses().that().resideInAPackage("dev.inlet.testkit..")
                .and().resideOutsideOfPackage("dev.inlet.testkit.wiremock..")
                .should().dependOnClassesThat().resideInAPackage("com.github.tomakehurst..")
                .check(INLET);
    }

}
