package dev.inlet.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet of the documentation compiles against the real API, and the ones marked
 * {@code run} run, so the docs cannot drift from the code.
 *
 * <h2>The convention (for whoever writes docs)</h2>
 * <ul>
 *   <li>Every {@code ```java} fenced block of every {@code *.md} in the repository (build output and
 *       hidden directories left out) is compiled with the JDK's compiler, in-process, against this
 *       module's test classpath, which holds every Inlet module. A compiler error fails the block's
 *       test with {@code file.md:line: message} and the offending line.</li>
 *   <li>A block is wrapped in {@code public class Snippet_<file>_L<line> extends <Context>}. A block
 *       whose first code line declares a type ({@code class}, {@code interface}, {@code enum}, or a
 *       {@code record} with a body over several lines; annotations and comments before it allowed)
 *       becomes the class's body; any other block becomes the body of
 *       {@code public void snippet() throws Exception}, so statements, local records and checked
 *       exceptions are fine. Write {@code // ...} for elided code, never a bare {@code ...}.</li>
 *   <li>Imports: {@link SnippetCompiler#COMMON_IMPORTS} (Inlet's public packages, {@code java.util},
 *       {@code java.time}, {@code java.nio.file} …, and Jackson's {@code JsonNode},
 *       {@code ObjectMapper}, {@code TypeReference}). Add more with an HTML comment on the line right
 *       before the fence: {@code <!-- snippet: imports=jakarta.servlet.*, com.example.Foo -->}.</li>
 *   <li>Names a block uses without declaring them (the {@code api} origin, a {@code store}, the
 *       {@code Order} type) come from the file's <em>context</em>: the class
 *       {@code dev.inlet.examples.docs.<Name>Context} in this module's tests, named after the file's
 *       path ({@code docs/credentials.md} → {@code DocsCredentialsContext}, {@code README.md} →
 *       {@code ReadmeContext}). Its members are {@code protected} (the snippets live in another
 *       package, as they would in a user's code). A file without a context class gets
 *       {@code Object}.</li>
 *   <li>{@code ```java run}: also run: a fresh instance's {@code snippet()} is called and must return
 *       without throwing (use it for blocks that need no network; put a claimed result in an
 *       {@code assert}-free way: a later statement that throws if it does not hold, or a test).</li>
 *   <li>A block whose first code line is an {@code import} is a whole file: compiled as it stands, in
 *       a package of its own (it cannot be {@code run}).</li>
 *   <li>{@code <!-- snippet: source=servlet/src/test/java/docs/JettyWebhooks.java -->} before the
 *       fence: the block must equal that file (less its {@code package} line), which its own module
 *       compiles. For code that needs libraries this module does not have (Jetty 12, Spring Boot).</li>
 *   <li>{@code ```java no-compile}: skipped. Only for code that needs a library outside the build
 *       (the Spring controller); the text around it must say so. Keep them very few.</li>
 * </ul>
 * Snippets that need network, servers or secrets are compiled only; what they claim is checked by
 * the module tests that run the same flow (for example {@code EventRouterTest} for the webhooks
 * README's Stripe router).
 */
class DocSnippetsTest {

    private static List<SnippetCompiler.Result> results;
    private static SnippetCompiler compiler;

    @BeforeAll
    static void compileEverySnippet() throws Exception {
        Path root = MarkdownSnippets.repositoryRoot(Path.of(System.getProperty("basedir", ".")));
        List<Snippet> snippets = new ArrayList<>();
        for (Path file : MarkdownSnippets.markdownFiles(root)) {
            snippets.addAll(MarkdownSnippets.in(root, file));
        }
        compiler = new SnippetCompiler();
        results = compiler.compile(snippets.stream().filter(DocSnippetsTest::compiledHere).toList());
        results = new ArrayList<>(results);
        snippets.stream().filter(s -> !compiledHere(s))
                .forEach(s -> results.add(new SnippetCompiler.Result(s, List.of())));
        repositoryRoot = root;
    }

    private static Path repositoryRoot;

    private static boolean compiledHere(Snippet snippet) {
        return snippet.mode() != Snippet.Mode.NO_COMPILE && snippet.mode() != Snippet.Mode.SOURCE;
    }

    @Test
    void theDocumentationsSnippetsAreFound() {
        assertThat(results).extracting(r -> r.snippet().file()).contains("README.md", "docs/credentials.md",
                "webhooks/README.md", "graphql/README.md");
        assertThat(results).filteredOn(r -> r.snippet().mode() == Snippet.Mode.NO_COMPILE)
                .as("blocks left uncompiled: keep them very few").hasSizeLessThanOrEqualTo(2);
    }

    @TestFactory
    Stream<DynamicTest> everySnippetCompiles() {
        return results.stream().filter(r -> compiledHere(r.snippet()))
                .map(r -> DynamicTest.dynamicTest(r.snippet().where(), () -> {
                    if (!r.errors().isEmpty()) {
                        fail("The snippet at " + r.snippet().where() + " does not compile:\n"
                                + String.join("\n", r.errors()));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> snippetsMarkedRunRun() {
        return results.stream().filter(r -> r.snippet().mode() == Snippet.Mode.RUN)
                .map(r -> DynamicTest.dynamicTest(r.snippet().where(), () -> {
                    assertThat(r.snippet().isCompilationUnit())
                            .as(r.snippet().where() + " is a whole file (it starts with imports): it cannot be run")
                            .isFalse();
                    assertThat(r.errors()).as("compiler errors of " + r.snippet().where()).isEmpty();
                    Object instance = compiler.load(r.snippet()).getConstructor().newInstance();
                    try {
                        instance.getClass().getMethod("snippet").invoke(instance);
                    } catch (InvocationTargetException e) {
                        throw new AssertionError("The snippet at " + r.snippet().where() + " failed: " + e.getCause(),
                                e.getCause());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> snippetsMirroringASourceFileEqualIt() throws Exception {
        return results.stream().filter(r -> r.snippet().mode() == Snippet.Mode.SOURCE)
                .map(r -> DynamicTest.dynamicTest(r.snippet().where(), () -> {
                    Path source = repositoryRoot.resolve(r.snippet().source());
                    assertThat(source).as(r.snippet().where() + ": the source file it mirrors").isRegularFile();
                    assertThat(String.join("\n", r.snippet().code()).strip())
                            .as(r.snippet().where() + " must equal " + r.snippet().source()
                                    + " (less its package line), which its module compiles")
                            .isEqualTo(withoutPackageLine(Files.readString(source)));
                }));
    }

    private static String withoutPackageLine(String source) {
        return source.replaceFirst("(?s)^\\s*package\\s+[\\w.]+\\s*;", "").strip();
    }
}
