package dev.inlet.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Keeps core free of the other modules, its root package free of its sub-packages (except its own
 * internal half, {@code dev.inlet.core.internal}), and no cycles: a package and its {@code internal}
 * sub-package count as one.
 */
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
                .should().dependOnClassesThat(resideInAPackage("dev.inlet.core.(*)..")
                        .and(not(resideInAPackage("dev.inlet.core.internal"))))
                .check(CORE);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName().replaceAll("\\.internal(\\..*)?$", ""));
            }

            @Override
            public String getDescription() {
                return "core's packages, each with its internal package";
            }
        }).should().beFreeOfCycles().check(CORE);
    }
}
