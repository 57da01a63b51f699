package dev.inlet.examples.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One library module's API as its {@code src/main/resources/META-INF/inlet-api.txt} declares it: the
 * packages it exports to everyone, and the internal packages it exports only to named Inlet modules.
 * The file has the shape of a {@code module-info.java} (see docs/ARCHITECTURE.md, "Public API"), plus
 * {@code conceals P} for an internal package no other module may use (JPMS's concealed package).
 * A new module joins by adding that file; nothing here lists modules.
 */
record ModuleApi(String name, Path dir, Set<String> exported, Map<String, Set<String>> qualified) {

    static final String FILE = "src/main/resources/META-INF/inlet-api.txt";

    /** The repository root: the test runs in {@code examples/}. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("pom.xml")) && Files.isDirectory(here.resolve("core")) ? here : here.getParent();
    }

    /** Every module of the repository that declares its API, by name. */
    static Map<String, ModuleApi> all() {
        Map<String, ModuleApi> modules = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(repositoryRoot())) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve(FILE);
                if (Files.isRegularFile(file)) {
                    ModuleApi api = parse(dir, Files.readAllLines(file));
                    modules.put(api.name(), api);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    static ModuleApi parse(Path dir, List<String> lines) {
        String name = null;
        Set<String> exported = new TreeSet<>();
        Map<String, Set<String>> qualified = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = dir.resolve(FILE) + ":" + (i + 1);
            if (line.startsWith("module ")) {
                name = line.substring("module ".length()).strip();
            } else if (line.startsWith("conceals ")) {
                qualified.put(line.substring("conceals ".length()).strip(), Set.of());
            } else if (line.startsWith("exports ") && line.contains(" to ")) {
                String pkg = line.substring("exports ".length(), line.indexOf(" to ")).strip();
                Set<String> to = new TreeSet<>();
                for (String m : line.substring(line.indexOf(" to ") + 4).split(",")) {
                    to.add(m.strip());
                }
                qualified.put(pkg, to);
            } else if (line.startsWith("exports ")) {
                exported.add(line.substring("exports ".length()).strip());
            } else {
                throw new IllegalStateException(where + ": expected 'module M', 'exports P' or 'exports P to M, ...': " + line);
            }
        }
        if (name == null) {
            throw new IllegalStateException(dir.resolve(FILE) + ": no 'module' line");
        }
        return new ModuleApi(name, dir, exported, qualified);
    }

    /** Every package the module declares, exported or not. */
    Set<String> packages() {
        Set<String> all = new TreeSet<>(exported);
        all.addAll(qualified.keySet());
        return all;
    }

    /** Whether a class of module {@code user} (empty: a consumer such as the examples) may use {@code pkg}. */
    boolean allows(String pkg, Optional<String> user) {
        return exported.contains(pkg) || user.map(u -> qualified.getOrDefault(pkg, Set.of()).contains(u)).orElse(false);
    }

    Path classes() {
        return dir.resolve("target/classes");
    }

    Path sources() {
        return dir.resolve("src/main/java");
    }

    /** The packages that hold classes in the module's sources. */
    Set<String> packagesInSources() {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                found.add(sources().relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), "."));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static List<String> moduleNames(Map<String, ModuleApi> modules) {
        return new ArrayList<>(modules.keySet());
    }
}
