package dev.inlet.examples.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds every module to the API its {@code META-INF/inlet-api.txt} declares (see {@link ModuleApi}):
 * a class of one module uses another module's package only if that package is exported, or exported
 * to that module by name; consumers (the examples, the docs' snippets, the consumer matrix's sample
 * projects, the benchmarks) never reach an internal package; core's feature packages do not depend
 * on each other; and no package is in a cycle (a package and its {@code internal} sub-package count
 * as one, as {@code okhttp3} and {@code okhttp3.internal} do, while a module's own {@code internal}
 * package, such as {@code dev.inlet.rest.internal}, is a layer below all of its packages; a package and its {@code error}
 * package of exceptions, which carry its types while it throws them; and core's {@code record} SPI
 * belongs to core's bottom layer).
 *
 * <p>It reads the compiled classes of every module from {@code <module>/target/classes}, so it runs
 * in a reactor build from the repository root ({@code mvn verify}); the modules that the examples do
 * not depend on (servlet, the Spring Boot starter) are built before the examples there.
 */
class ApiBoundaryTest {

    private static final Map<String, ModuleApi> MODULES = ModuleApi.all();
    /** Core's model, its exceptions and records SPI refer to each other: one layer (core's ArchitectureTest). */
    private static final List<String> CORE_BOTTOM_LAYER = List.of("dev.inlet.core", "dev.inlet.core.error",
            "dev.inlet.core.record", "dev.inlet.core.internal");
    private static final Pattern INTERNAL_USE = Pattern.compile("dev\\.inlet\\.[\\w.]*\\binternal\\b");

    private static JavaClasses libraries() {
        List<Path> dirs = new ArrayList<>();
        for (ModuleApi module : MODULES.values()) {
            assertThat(module.classes())
                    .as("%s is not compiled: run the build from the repository root (mvn verify)", module.name())
                    .isDirectory();
            dirs.add(module.classes());
        }
        return new ClassFileImporter().importPaths(dirs);
    }

    private static Optional<ModuleApi> owner(String pkg) {
        return MODULES.values().stream().filter(m -> m.packages().contains(pkg)).findFirst();
    }

    @Test
    void everyPackageOfEveryModuleIsDeclaredOnce() {
        List<String> problems = new ArrayList<>();
        for (ModuleApi module : MODULES.values()) {
            for (String pkg : module.packagesInSources()) {
                if (!module.packages().contains(pkg)) {
                    problems.add(module.name() + ": package " + pkg + " is in no 'exports' line of " + module.dir().resolve(ModuleApi.FILE)
                            + "; add 'exports " + pkg + "' (API), 'exports " + pkg + " to <modules>' or 'conceals " + pkg + "' (internal)");
                }
            }
            for (String pkg : module.packages()) {
                if (!module.packagesInSources().contains(pkg)) {
                    problems.add(module.name() + ": declares package " + pkg + ", which has no sources");
                }
                boolean internal = pkg.endsWith(".internal") || pkg.contains(".internal.");
                if (internal == module.exported().contains(pkg)) {
                    problems.add(module.name() + ": package " + pkg + (internal
                            ? " is internal and may only be exported 'to' named modules"
                            : " is exported only to named modules or concealed; move it to an 'internal' package"));
                }
            }
            module.qualified().values().forEach(to -> to.stream().filter(m -> !MODULES.containsKey(m))
                    .forEach(m -> problems.add(module.name() + ": exports to an unknown module " + m)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void modulesUseEachOthersPackagesOnlyAsExported() {
        List<String> violations = new ArrayList<>();
        JavaClasses classes = libraries();
        for (JavaClass user : classes) {
            Optional<ModuleApi> from = owner(user.getPackageName());
            for (Dependency dependency : user.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getPackageName();
                Optional<ModuleApi> to = owner(target);
                if (to.isEmpty() || from.equals(to)) {
                    continue;
                }
                if (!to.get().allows(target, from.map(ModuleApi::name))) {
                    violations.add(dependency.getDescription() + " -- " + target + " is not exported to "
                            + from.map(ModuleApi::name).orElse("?") + " (see " + to.get().dir().resolve(ModuleApi.FILE) + ")");
                }
            }
        }
        assertThat(new TreeSet<>(violations)).isEmpty();
    }

    @Test
    void theExamplesUseOnlyTheApi() {
        JavaClasses examples = new ClassFileImporter().importPackages("dev.inlet.examples");
        List<String> violations = new ArrayList<>();
        for (JavaClass user : examples) {
            for (Dependency dependency : user.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getPackageName();
                owner(target).filter(m -> !m.allows(target, Optional.empty()))
                        .ifPresent(m -> violations.add(dependency.getDescription()));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void docsConsumerProjectsAndBenchmarksNeverNameAnInternalPackage() {
        Path root = ModuleApi.repositoryRoot();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                boolean markdown = path.endsWith(".md") && !path.startsWith("docs/ARCHITECTURE.md") && !path.equals("docs/api.md")
                        && !path.contains("/target/") && !path.startsWith(".");
                boolean consumerCode = path.endsWith(".java") && (path.startsWith("consumer-tests/src/")
                        || path.startsWith("bench/src/") || path.startsWith("examples/src/"))
                        && !path.startsWith("examples/src/test/java/dev/inlet/examples/api/");
                if (markdown || consumerCode) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = INTERNAL_USE.matcher(lines.get(i));
                        if (m.find() && (consumerCode || inJavaBlock(lines, i))) {
                            violations.add(path + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(violations).isEmpty();
    }

    private static boolean inJavaBlock(List<String> lines, int index) {
        boolean in = false;
        for (int i = 0; i < index; i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("```")) {
                in = !in && l.startsWith("```java");
            }
        }
        return in;
    }

    @Test
    void coreFeaturePackagesDoNotDependOnEachOther() {
        JavaClasses classes = libraries();
        String[] features = {"ratelimit", "breaker", "auth", "validation", "metrics", "state", "schedule", "compose"};
        for (String feature : features) {
            String[] others = java.util.Arrays.stream(features).filter(f -> !f.equals(feature))
                    .map(f -> "dev.inlet.core." + f + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.inlet.core." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("feature packages of core depend on the model, retry and http, never on each other (docs/ARCHITECTURE.md)")
                    .check(classes);
        }
    }

    @Test
    void noPackageCyclesCountingEachInternalPackageWithItsParent() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (!pkg.startsWith("dev.inlet.")) {
                    return SliceIdentifier.ignore();
                }
                if (CORE_BOTTOM_LAYER.contains(pkg)) {
                    return SliceIdentifier.of("dev.inlet.core (the bottom layer)");
                }
                if (pkg.matches("dev\\.inlet\\.\\w+\\.internal(\\..*)?")) {
                    // A module's own internal package is a layer below all of the module's packages.
                    return SliceIdentifier.of(pkg);
                }
                return SliceIdentifier.of(pkg.replaceAll("\\.(internal|error)(\\..*)?$", ""));
            }

            @Override
            public String getDescription() {
                return "Inlet packages, each with its internal package";
            }
        }).should().beFreeOfCycles().check(libraries());
    }
}
