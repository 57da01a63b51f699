package dev.inlet.core.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of the resilience packages: root, then retry, then http, then the feature packages. */
@AnalyzeClasses(packages = "dev.inlet.core", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ResilienceLayeringTest {

    @ArchTest
    static final ArchRule rootKnowsNoSubPackage = noClasses().that().resideInAPackage("dev.inlet.core")
            .should().dependOnClassesThat().resideInAPackage("dev.inlet.core.*..");

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
    static final ArchRule noCycles = slices().matching("dev.inlet.core.(*)..").should().beFreeOfCycles();
}
