package io.starexport.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of the guide ({@code docs/**}{@code /*.md}, the root {@code README.md} and
 * {@code examples/README.md}) compiles against the real modules. The convention, stated for authors in
 * {@code docs/contributing-docs.md}:
 * <ul>
 *   <li>a block that declares a top-level class, interface, record or enum is a compilation unit;</li>
 *   <li>a block whose first line of code starts with {@code public}, {@code protected}, {@code private},
 *       {@code static} or an annotation is a list of class members, compiled inside {@link #MEMBER_CLASS};</li>
 *   <li>any other block is a method body, compiled inside a method of {@link #MEMBER_CLASS};</li>
 *   <li>in those two, {@code import} lines are moved to the import section;</li>
 *   <li>every block gets the {@link #IMPORTS} below, and generated classes have the fields {@link #FIELDS}
 *       ({@code star}, {@code url}, {@code dir}, {@code jobs}) in scope;</li>
 *   <li>a block that must not compile says {@code ```java no-compile}; such blocks are counted and listed.</li>
 * </ul>
 * Failures name the page and line of the markdown, and the compiler's message.
 */
class CodeSamplesCompileTest {
    /** Imports every block gets; kept in step with {@code docs/contributing-docs.md}. */
    static final List<String> IMPORTS = List.of(
            "io.starexport.*",
            "io.starexport.api.*",
            "io.starexport.spi.*",
            "io.starexport.jobs.*",
            "io.starexport.media.*",
            "io.starexport.platform.youtube.*",
            "io.starexport.platform.reddit.*",
            "io.starexport.platform.instagram.*",
            "io.starexport.platform.tiktok.*",
            "io.starexport.testing.*",
            "org.junit.jupiter.api.*",
            "org.junit.jupiter.api.io.TempDir",
            "static org.assertj.core.api.Assertions.*",
            "java.io.*",
            "java.net.URI",
            "java.nio.charset.StandardCharsets",
            "java.nio.file.*",
            "java.time.*",
            "java.util.*",
            "java.util.concurrent.*",
            "java.util.function.*",
            "java.util.stream.*");

    /** Fields in scope for member and method-body blocks; kept in step with {@code docs/contributing-docs.md}. */
    static final String FIELDS = """
                StarExport star;
                String url;
                Path dir;
                JobExecutor jobs;
            """;

    /**
     * The class member blocks are compiled in: abstract and implementing both plugin interfaces, so a block
     * can show an {@code @Override} of a {@code Platform} or {@code OutputFormat} method on its own.
     */
    static final String MEMBER_CLASS = "abstract class Sample implements Platform, OutputFormat";

    private static final String NO_COMPILE = "no-compile";
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|abstract|final|sealed|non-sealed|strictfp)\\s+)*"
                    + "(class|interface|enum|record|@interface)\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern IMPORT_LINE = Pattern.compile("^import\\s+(?:static\\s+)?[\\w.]+(?:\\.\\*)?\\s*;[ \\t]*$",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern MEMBER_START = Pattern.compile("^(public|protected|private|static|@\\w+)\\b.*");

    @Test
    void everyJavaSampleInTheGuideCompiles(@TempDir Path classes) {
        List<Sample> samples = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path page : Markdown.guidePages()) {
            Markdown markdown = Markdown.read(page);
            for (Markdown.CodeBlock block : markdown.codeBlocks()) {
                if (!block.language().equals("java")) {
                    continue;
                }
                String where = markdown.name() + ":" + block.line();
                if (block.hasMarker(NO_COMPILE)) {
                    skipped.add(where);
                } else {
                    samples.add(Sample.of(where, samples.size(), block.body()));
                }
            }
        }

        List<String> failures = compile(samples, classes);

        System.out.printf(Locale.ROOT, "Compiled %d java samples; %d marked %s%s%n", samples.size(), skipped.size(),
                NO_COMPILE, skipped.isEmpty() ? "" : ": " + String.join(", ", skipped));
        assertThat(samples).as("java samples found in the guide").isNotEmpty();
        assertThat(failures).as("java samples in the guide that do not compile; fix the sample to match the API, "
                + "or mark a deliberately partial one ```java no-compile (see docs/contributing-docs.md)").isEmpty();
    }

    private static List<String> compile(List<Sample> samples, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-nowarn",
                "-Xmaxerrs", "10000", "-XDshould-stop.ifError=FLOW", "-XDshould-stop.ifNoError=FLOW",
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            compiler.getTask(null, files, diagnostics, options, null, samples).call();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> failures = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String message = diagnostic.getMessage(Locale.ROOT);
            if (diagnostic.getSource() instanceof Sample sample) {
                failures.add(sample.locate(diagnostic.getLineNumber()) + ": " + message);
            } else {
                failures.add(message);
            }
        }
        return failures;
    }

    /** One block as a Java source: the generated text and how its lines map back to the markdown. */
    private static final class Sample extends SimpleJavaFileObject {
        private final String where;
        private final String source;
        private final int linesBefore;

        private Sample(URI uri, String where, String source, int linesBefore) {
            super(uri, Kind.SOURCE);
            this.where = where;
            this.source = source;
            this.linesBefore = linesBefore;
        }

        static Sample of(String where, int index, String body) {
            String imports = IMPORTS.stream().map(i -> "import " + i + ";").reduce("", (a, b) -> a + b) + "\n";
            String generated = "snippets.s" + index;
            Matcher type = TOP_LEVEL_TYPE.matcher(body);
            if (type.find()) {
                Matcher pkg = PACKAGE.matcher(body);
                String name;
                String source;
                if (pkg.find()) {
                    // Imports go after the package line; that line and everything after keep their numbers.
                    String head = body.substring(0, pkg.end());
                    source = head + imports.strip() + body.substring(pkg.end());
                    name = pkg.group(1).replace('.', '/') + "/" + publicTypeOr(body, type.group(2));
                    return new Sample(uri(name), where, source, 0);
                }
                source = "package " + generated + ";" + imports + body;
                name = generated.replace('.', '/') + "/" + publicTypeOr(body, type.group(2));
                return new Sample(uri(name), where, source, 1);
            }
            // Import lines a snippet shows go to the import section; blank lines keep the line numbers.
            StringBuilder ownImports = new StringBuilder();
            String code = IMPORT_LINE.matcher(body).replaceAll(m -> {
                ownImports.append(m.group().strip());
                return "";
            });
            String firstCode = code.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("//") && !l.startsWith("/*") && !l.startsWith("*"))
                    .findFirst().orElse("");
            String header = "package " + generated + ";" + imports.strip() + ownImports + "\n" + MEMBER_CLASS + " {"
                    + FIELDS.replace("\n", " ");
            String footer;
            if (MEMBER_START.matcher(firstCode).matches()) {
                header += "\n";
                footer = "\n}\n";
            } else {
                header += " void sample() throws Exception {\n";
                footer = "\n}}\n";
            }
            return new Sample(uri(generated.replace('.', '/') + "/Sample"), where, header + code + footer, 2);
        }

        private static String publicTypeOr(String body, String first) {
            Matcher publicType = Pattern.compile("^public\\s+(?:(?:abstract|final|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s+(\\w+)", Pattern.MULTILINE).matcher(body);
            return publicType.find() ? publicType.group(1) : first;
        }

        private static URI uri(String name) {
            return URI.create("string:///" + name + Kind.SOURCE.extension);
        }

        /** The markdown location ({@code page:line}) of a line of the generated source. */
        String locate(long line) {
            int colon = where.lastIndexOf(':');
            long blockLine = Long.parseLong(where.substring(colon + 1));
            long offset = Math.max(0, line - linesBefore - 1);
            return where.substring(0, colon) + ":" + (blockLine + offset);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }
    }
}
