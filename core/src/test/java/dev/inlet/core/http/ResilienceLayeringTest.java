package dev.inlet.core.http;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The layering of the resilience packages: the bottom layer (the root package with {@code error},
 * {@code record} and {@code internal}), then retry, then http, then the feature packages.
 */
@AnalyzeClasses(packages = "dev.inlet.core", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ResilienceLayeringTest {

    private static final String[] BOTTOM_LAYER = {"dev.inlet.core", "dev.inlet.core.error", "dev.inlet.core.record",
        "dev.inlet.core.internal"};

    @ArchTest
    static final ArchRule rootKnowsNoSubPackage = noClasses().that().resideInAnyPackage(BOTTOM_LAYER)
            .should().dependOnClassesThat(resideInAPackage("dev.inlet.core.*..").and(not(resideInAnyPackage(BOTTOM_LAYER))));

    @ArchTest
    static final ArchRule retryKnowsNeitherHttpNorFeatures = noClasses().that().resideInAPackage("dev.inlet.core.retry..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.inlet.core.http..", "dev.inlet.core.ratelimit..",
                    "dev.inlet.core.breaker..");

    @ArchTest
    static final ArchRule httpKnowsNoFeature = noClasses().that().resideInAPackage("dev.inlet.core.http..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.inlet.core.ratelimit..", "dev.inlet.core.breaker..");

    @ArchTest
    static final ArchRule limiterAndBreakerAreIndependent = noClasses().that()
            .resideInAPackage("dev.inlet.core.ratelimit..").should().dependOnClassesThat()
            .resideInAPackage("dev.inlet.core.breaker..");

    @ArchTest
    static final ArchRule noCycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (List.of(BOTTOM_LAYER).contains(pkg)) {
                return SliceIdentifier.of("the bottom layer");
            }
            return pkg.startsWith("dev.inlet.core.") ? SliceIdentifier.of(pkg.split("\\.")[3]) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "core's packages (with their sub-packages), the bottom layer as one";
        }
    }).should().beFreeOfCycles();
}
