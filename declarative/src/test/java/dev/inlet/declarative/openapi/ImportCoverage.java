package dev.inlet.declarative.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the importer over a folder of OpenAPI documents (not part of the build; the numbers are in
 * docs/openapi-import.md): the share of list operations for which it finds a records pointer, a
 * paginator and auth. Run with the declarative test classpath:
 * {@code java -cp ... dev.inlet.declarative.openapi.ImportCoverage <folder-or-file>...}
 */
public final class ImportCoverage {

    private ImportCoverage() {
    }

    public static void main(String[] args) throws IOException {
        long documents = 0;
        long imported = 0;
        long failed = 0;
        long withoutLists = 0;
        long operations = 0;
        long records = 0;
        long paginator = 0;
        long auth = 0;
        long primaryKey = 0;
        long cursor = 0;
        long all3 = 0;
        java.util.Map<String, Long> byType = new java.util.TreeMap<>();
        OpenApiImporter importer = OpenApiImporter.builder().build();
        for (String arg : args) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(arg))) {
                files = walk.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml"))
                        .sorted().toList();
            }
            for (Path file : files) {
                documents++;
                try {
                    ImportResult result = importer.importSpec(file);
                    imported++;
                    for (OperationFinding f : result.operations()) {
                        operations++;
                        records += f.records().isPresent() ? 1 : 0;
                        paginator += f.paginator().isPresent() ? 1 : 0;
                        auth += f.auth().isPresent() ? 1 : 0;
                        primaryKey += f.primaryKey().isPresent() ? 1 : 0;
                        cursor += f.cursorField().isPresent() ? 1 : 0;
                        all3 += f.records().isPresent() && f.paginator().isPresent() && f.auth().isPresent() ? 1 : 0;
                        byType.merge(f.paginator().orElse("(none)"), 1L, Long::sum);
                    }
                } catch (OpenApiImportException e) {
                    if (e.getMessage().contains("no list operation")) {
                        withoutLists++;
                    } else {
                        failed++;
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    failed++;
                    System.err.println(file + ": " + e);
                }
                if (documents % 100 == 0) {
                    System.err.println(documents + " documents, " + operations + " list operations");
                }
            }
        }
        System.out.printf("documents %d, imported %d, without list operations %d, unreadable %d%n", documents,
                imported, withoutLists, failed);
        System.out.printf("list operations %d%n", operations);
        System.out.printf("records pointer %d (%.1f%%)%n", records, 100.0 * records / Math.max(1, operations));
        System.out.printf("paginator %d (%.1f%%)%n", paginator, 100.0 * paginator / Math.max(1, operations));
        System.out.printf("auth %d (%.1f%%)%n", auth, 100.0 * auth / Math.max(1, operations));
        System.out.printf("all three %d (%.1f%%)%n", all3, 100.0 * all3 / Math.max(1, operations));
        System.out.printf("primary key %d (%.1f%%)%n", primaryKey, 100.0 * primaryKey / Math.max(1, operations));
        System.out.printf("incremental field %d (%.1f%%)%n", cursor, 100.0 * cursor / Math.max(1, operations));
        byType.forEach((type, n) -> System.out.printf("paginator %s %d%n", type, n));
    }
}
