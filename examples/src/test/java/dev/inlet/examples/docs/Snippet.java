package dev.inlet.examples.docs;

import java.nio.file.Path;
import java.util.List;

/**
 * One fenced {@code java} block of a Markdown file, as {@link MarkdownSnippets} found it.
 *
 * @param file the Markdown file, relative to the repository root, with {@code /} separators
 * @param line the 1-based line of the block's first code line in that file
 * @param code the block's lines, the fence's own indentation removed
 * @param mode what the build does with it
 * @param imports extra imports from a {@code <!-- snippet: imports=... -->} comment before the fence
 * @param source for {@link Mode#SOURCE}: the repository path of the compiled file the block mirrors
 */
record Snippet(String file, int line, List<String> code, Mode mode, List<String> imports, String source) {

    /** What the build does with a block, from the fence's info string. */
    enum Mode {
        /** {@code ```java}: compiled. */
        COMPILE,
        /** {@code ```java run}: compiled, then run; it must complete without throwing. */
        RUN,
        /** {@code ```java no-compile}: left alone (say why in the text around it). */
        NO_COMPILE,
        /**
         * {@code <!-- snippet: source=path -->} before the fence: the block must equal that source
         * file (less its {@code package} line), which its own module compiles and tests. For code that
         * needs libraries this module must not have on its classpath (Jetty 12, Spring Boot).
         */
        SOURCE
    }

    /** Where the block is, as {@code file:line}, for messages and test names. */
    String where() {
        return file + ":" + line;
    }

    /** Whether the block declares types (its first code line starts a class, record, interface or enum). */
    boolean declaresTypes() {
        for (String l : code) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("//") || t.startsWith("@")) {
                continue;
            }
            return t.matches("((public|protected|private|abstract|final|static|sealed)\\s+)*"
                    + "(class|interface|enum|record)\\s+\\w+.*") && !t.matches("record\\s+\\w+\\(.*\\)\\s*\\{\\s*}.*");
        }
        return false;
    }

    /** Whether the block is a whole compilation unit: its first code line is an {@code import}. */
    boolean isCompilationUnit() {
        for (String l : code) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("//")) {
                continue;
            }
            return t.startsWith("import ");
        }
        return false;
    }

    /** The name of the generated class that holds the block: file and line, as a Java identifier. */
    String className() {
        return "Snippet_" + Path.of(file).toString().replaceAll("[^A-Za-z0-9]", "_") + "_L" + line;
    }
}
