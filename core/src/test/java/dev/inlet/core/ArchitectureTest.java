package dev.inlet.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
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
 * Keeps core free of the other modules; its bottom layer (the model in the root package, {@code error},
 * {@code record} and their {@code internal} helpers, which refer to each other: an exception carries a
 * {@code Position}, a {@code Connector} throws it) free of the other sub-packages; and no cycles
 * otherwise: a package and its {@code internal} sub-package count as one.
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

    /** The model, its exceptions and its records SPI, with their internal helpers: the bottom layer. */
    static final String[] BOTTOM_LAYER = {"dev.inlet.core", "dev.inlet.core.error", "dev.inlet.core.record",
        "dev.inlet.core.internal"};

    @Test
    void theModelErrorsAndRecordsAreTheBottomLayer() {
        noClasses().that().resideInAnyPackage(BOTTOM_LAYER)
                .should().dependOnClassesThat(resideInAPackage("dev.inlet.core.(*)..")
                        .and(not(resideInAnyPackage(BOTTOM_LAYER))))
                .check(CORE);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return SliceIdentifier.of(java.util.List.of(BOTTOM_LAYER).contains(pkg)
                        ? "dev.inlet.core (the bottom layer)" : pkg.replaceAll("\\.internal(\\..*)?$", ""));
            }

            @Override
            public String getDescription() {
                return "core's packages, each with its internal package; the bottom layer as one";
            }
        }).should().beFreeOfCycles().check(CORE);
    }
}
