package dev.inlet.examples.docs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Wraps each snippet in a class (see {@link DocSnippetsTest} for the convention), compiles them all
 * in-process with the JDK's compiler against the test classpath, and maps every compiler message
 * back to the Markdown file and line it is about. Classes stay in memory; {@link #load} defines them.
 */
final class SnippetCompiler {

    /** The package of the generated classes: not the contexts' own, so that access works as at run time. */
    static final String PACKAGE = "dev.inlet.examples.docs.snippets";

    /** Imports every snippet gets: Inlet's public packages and the JDK and Jackson types the docs use. */
    static final List<String> COMMON_IMPORTS = List.of(
            "dev.inlet.core.*", "dev.inlet.core.error.*", "dev.inlet.core.record.*", "dev.inlet.core.auth.*", "dev.inlet.core.http.*", "dev.inlet.core.retry.*",
            "dev.inlet.core.ratelimit.*", "dev.inlet.core.breaker.*", "dev.inlet.core.validation.*",
            "dev.inlet.core.state.*", "dev.inlet.core.schedule.*", "dev.inlet.core.compose.*",
            "dev.inlet.core.metrics.*", "dev.inlet.rest.*", "dev.inlet.rest.paginate.*", "dev.inlet.rest.decode.*",
            "dev.inlet.graphql.*", "dev.inlet.graphql.error.*", "dev.inlet.graphql.relay.*", "dev.inlet.graphql.cost.*",
            "dev.inlet.webhooks.*", "dev.inlet.webhooks.verify.*", "dev.inlet.webhooks.receiver.*", "dev.inlet.webhooks.routing.*",
            "dev.inlet.declarative.*",
            "java.io.*", "java.math.*", "java.net.URI", "java.nio.file.*", "java.time.*", "java.time.temporal.*",
            "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.stream.*",
            "tools.jackson.databind.JsonNode", "tools.jackson.databind.ObjectMapper",
            "tools.jackson.databind.json.JsonMapper", "tools.jackson.core.type.TypeReference");

    /** One compiled snippet: its compiler messages (as {@code file:line: message}), empty when it compiled. */
    record Result(Snippet snippet, List<String> errors) {
    }

    private final Map<String, byte[]> classes = new LinkedHashMap<>();

    /**
     * Compiles the snippets together; their results in the same order. The compiler stops before
     * type-checking anything when one unit has a syntax error, so units with errors are set aside
     * and the rest compiled again, until a run has no new error: each snippet gets its own messages.
     */
    List<Result> compile(List<Snippet> snippets) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<Snippet> remaining = new ArrayList<>(snippets);
        while (!remaining.isEmpty()) {
            Map<String, List<String>> found = compileOnce(remaining);
            if (found.isEmpty()) {
                break;
            }
            errors.putAll(found);
            remaining.removeIf(s -> found.containsKey(s.className()));
        }
        List<Result> out = new ArrayList<>();
        for (Snippet snippet : snippets) {
            out.add(new Result(snippet, errors.getOrDefault(snippet.className(), List.of())));
        }
        return out;
    }

    private Map<String, List<String>> compileOnce(List<Snippet> snippets) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Snippet snippet : snippets) {
            sources.put(snippet.className(), new Source(snippet));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8);
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
                "-implicit:none", "-Xlint:none", "-nowarn", "-Xmaxerrs", "10000", "--release", "17");
        compiler.getTask(null, new InMemoryOutput(standard), diagnostics, options, null, sources.values()).call();

        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String message = d.getMessage(Locale.ROOT);
            if (!(d.getSource() instanceof Source source)) {
                throw new IllegalStateException("compiler error outside the snippets: " + message);
            }
            errors.computeIfAbsent(source.snippet.className(), k -> new ArrayList<>())
                    .add(source.where(d.getLineNumber()) + ": " + message + "\n    " + source.lineAt(d.getLineNumber()));
        }
        return errors;
    }

    /** The compiled class of a snippet, defined in a loader whose parent is this test's. */
    Class<?> load(Snippet snippet) throws ClassNotFoundException {
        return new ClassLoader(SnippetCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.loadClass(PACKAGE + "." + snippet.className());
    }

    /** The context class whose members a file's snippets may use, or {@code Object} for a file without one. */
    static String contextFor(String markdownFile) {
        String name = contextClassName(markdownFile);
        try {
            Class.forName(SnippetCompiler.class.getPackageName() + "." + name);
            return SnippetCompiler.class.getPackageName() + "." + name;
        } catch (ClassNotFoundException e) {
            return "Object";
        }
    }

    /** {@code docs/credentials.md} → {@code DocsCredentialsContext}, {@code README.md} → {@code ReadmeContext}. */
    static String contextClassName(String markdownFile) {
        StringBuilder out = new StringBuilder();
        for (String part : markdownFile.replaceAll("\\.md$", "").split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.append("Context").toString();
    }

    /** A snippet wrapped in its class: a method body for statements, a class body for type declarations. */
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");

    private static final Pattern TOP_LEVEL_CLASS = Pattern.compile(
            "^(?:(?:public|abstract|final|sealed|non-sealed)\\s+)*class\\s");

    private static final class Source extends SimpleJavaFileObject {
        final Snippet snippet;
        final List<String> lines = new ArrayList<>();
        final int firstCodeLine;

        Source(Snippet snippet) {
            super(URI.create("string:///" + packageOf(snippet).replace('.', '/') + "/" + fileName(snippet)
                    + ".java"), Kind.SOURCE);
            this.snippet = snippet;
            if (snippet.isCompilationUnit()) {
                // A whole file: its own package, so its top-level types clash with no other block's.
                lines.add("package " + packageOf(snippet) + ";");
                firstCodeLine = lines.size() + 1;
                lines.addAll(snippet.code());
                return;
            }
            lines.add("package " + PACKAGE + ";");
            COMMON_IMPORTS.forEach(i -> lines.add("import " + i + ";"));
            snippet.imports().forEach(i -> lines.add("import " + i + ";"));
            lines.add("@SuppressWarnings(\"all\")");
            lines.add("public class " + snippet.className() + " extends " + contextFor(snippet.file()) + " {");
            if (!snippet.declaresTypes()) {
                lines.add("public void snippet() throws Exception {");
            }
            firstCodeLine = lines.size() + 1;
            if (snippet.declaresTypes()) {
                // The block's classes become static members, as top-level classes they are in a
                // user's code: another block can then say `new PaddleStyleScheme()`.
                snippet.code().forEach(l -> lines.add(TOP_LEVEL_CLASS.matcher(l).find() ? "static " + l : l));
            } else {
                lines.addAll(snippet.code());
            }
            if (!snippet.declaresTypes()) {
                lines.add("}");
            }
            lines.add("}");
        }

        private static String packageOf(Snippet snippet) {
            return snippet.isCompilationUnit() ? PACKAGE + "." + snippet.className().toLowerCase(Locale.ROOT) : PACKAGE;
        }

        /** A compilation unit's file is named after its public top-level type, as javac requires. */
        private static String fileName(Snippet snippet) {
            if (snippet.isCompilationUnit()) {
                for (String l : snippet.code()) {
                    Matcher m = PUBLIC_TYPE.matcher(l);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            return snippet.className();
        }

        /** The Markdown position of a line of this source. */
        String where(long sourceLine) {
            long line = sourceLine - firstCodeLine;
            if (line < 0 || line >= snippet.code().size()) {
                return snippet.file() + ":" + snippet.line() + " (the block's wrapper)";
            }
            return snippet.file() + ":" + (snippet.line() + line);
        }

        String lineAt(long sourceLine) {
            return sourceLine >= 1 && sourceLine <= lines.size() ? lines.get((int) sourceLine - 1).strip() : "";
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return String.join("\n", lines) + "\n";
        }
    }

    /** Keeps class files in {@link #classes} instead of writing them to disk. */
    private final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        InMemoryOutput(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }
}
