package dev.inlet.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the fenced {@code java} blocks of every Markdown file in the repository (build output,
 * hidden directories and {@code node_modules} left out), with the line each starts at, the mode its
 * info string asks for, and the imports a {@code <!-- snippet: imports=a.b.*, c.d.E -->} comment on
 * the line before the fence adds.
 */
final class MarkdownSnippets {

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^`\\s]*)\\s*(.*)$");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(.*?)\\s*-->\\s*$");

    private MarkdownSnippets() {
    }

    /** The repository root: the nearest directory at or above {@code start} whose pom lists the modules. */
    static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>examples</module>")) {
                    return dir;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no parent pom listing <module>examples</module> above " + start);
    }

    /** Every Markdown file under {@code root}, sorted, relative paths with {@code /}. */
    static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> !excluded(root.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean excluded(Path relative) {
        for (Path part : relative.getParent() == null ? List.<Path>of() : relative.getParent()) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The java blocks of one file. */
    static List<Snippet> in(Path root, Path file) throws IOException {
        String relative = root.relativize(file).toString().replace('\\', '/');
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            String fence = open.group(2);
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !closes(lines.get(end), fence)) {
                end++;
            }
            if (open.group(3).equals("java")) {
                List<String> code = new ArrayList<>();
                for (String l : lines.subList(start, Math.min(end, lines.size()))) {
                    code.add(l.startsWith(indent) ? l.substring(indent.length()) : l.strip());
                }
                String directive = i > 0 ? lines.get(i - 1) : "";
                String source = source(directive);
                Snippet.Mode mode = source == null ? mode(relative, start, open.group(4)) : Snippet.Mode.SOURCE;
                out.add(new Snippet(relative, start + 1, code, mode,
                        source == null ? imports(relative, start, directive) : List.of(), source));
            }
            i = end;
        }
        return out;
    }

    private static boolean closes(String line, String fence) {
        String t = line.strip();
        return t.length() >= fence.length() && t.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static Snippet.Mode mode(String file, int line, String flags) {
        switch (flags.strip()) {
            case "":
                return Snippet.Mode.COMPILE;
            case "run":
                return Snippet.Mode.RUN;
            case "no-compile":
                return Snippet.Mode.NO_COMPILE;
            default:
                throw new IllegalArgumentException(file + ":" + line + ": unknown snippet flag '" + flags
                        + "' after ```java; use none, 'run' or 'no-compile'");
        }
    }

    /** The path of a {@code <!-- snippet: source=path -->} directive, or null. */
    private static String source(String previous) {
        Matcher directive = DIRECTIVE.matcher(previous);
        return directive.matches() && directive.group(1).startsWith("source=")
                ? directive.group(1).substring("source=".length()).strip() : null;
    }

    private static List<String> imports(String file, int line, String previous) {
        Matcher directive = DIRECTIVE.matcher(previous);
        if (!directive.matches()) {
            return List.of();
        }
        String body = directive.group(1);
        if (!body.startsWith("imports=")) {
            throw new IllegalArgumentException(file + ":" + (line - 1) + ": unknown snippet directive '" + body
                    + "'; use <!-- snippet: imports=a.b.*, c.d.E --> or <!-- snippet: source=path/To.java -->");
        }
        return Arrays.stream(body.substring("imports=".length()).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
