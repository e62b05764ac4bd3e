package io.starexport.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands and dependencies the guide tells a reader to type still exist.
 * <ul>
 *   <li>Every {@code starexport …} (or {@code java -jar …starexport.jar …}) line in a shell block
 *       ({@code sh}, {@code bash}, {@code shell}, {@code console} or no language) names a command that
 *       {@code starexport --help} lists, and only flags that command's {@code --help} lists.</li>
 *   <li>Every {@code io.starexport} artifact in an {@code xml} block is one the BOM manages.</li>
 * </ul>
 */
class CommandSamplesTest {
    private static final Set<String> SHELL = Set.of("", "sh", "bash", "shell", "console", "zsh");
    /**
     * An invocation: {@code java … -jar …starexport.jar} anywhere, or {@code starexport} where a command starts (a
     * line's start, after a {@code $} prompt, {@code (}, {@code &&}, {@code ;} or {@code |}), not as another
     * command's argument such as {@code claude mcp add starexport}.
     */
    private static final Pattern INVOCATION = Pattern.compile("(?:(?:^|\\s)java\\s+(?:-\\S+\\s+)*-jar\\s+\\S*starexport\\.jar"
            + "|(?:^|\\$\\s+|\\(|&&\\s*|;\\s*|\\|\\s*)starexport)\\s+(.*)$");
    /** Where the command's own words end: a pipe, a redirect, a comment, another command. */
    private static final Pattern END_OF_COMMAND = Pattern.compile("\\s(?:\\||&&|;|>|2>|#)|\\)\\s*$|\\)\\s");
    private static final String QUOTED = "\u0000";
    private static final Pattern FLAG_TOKEN = Pattern.compile("^--?[A-Za-z?][\\w-]*");
    private static final Pattern ARTIFACT = Pattern.compile(
            "<groupId>io\\.starexport</groupId>\\s*<artifactId>([^<]+)</artifactId>");

    @Test
    void everyCommandLineSampleUsesCommandsAndFlagsTheCliHas() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path file : Markdown.guidePages()) {
            Markdown page = Markdown.read(file);
            for (Markdown.CodeBlock block : page.codeBlocks()) {
                if (!SHELL.contains(block.language())) {
                    continue;
                }
                String[] lines = block.body().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (INVOCATION.matcher(lines[i].strip()).find()) {
                        checked++;
                        Matcher invocation = INVOCATION.matcher(continued(lines, i));
                        invocation.find();
                        check(invocation.group(1), page.name() + ":" + (block.line() + i) + ": ", wrong);
                    }
                }
            }
        }
        System.out.println("Checked " + checked + " command lines");
        assertThat(checked).as("command lines found in the guide").isPositive();
        assertThat(wrong).as("command-line samples that name a command or flag starexport --help does not list; "
                + "fix the sample (or the flag's name in the CLI), see docs/configuration.md for the flags").isEmpty();
    }

    @Test
    void theCommandLineCheckReportsAnUnknownCommandOrFlagAndAcceptsRealOnes() {
        List<String> wrong = new ArrayList<>();
        check("export https://youtu.be/x --sandbox --replies --limit 5 -o c.csv # a comment --nope", "ok: ", wrong);
        check("--json platforms --detect 'https://youtu.be/x'", "ok: ", wrong);
        check("\"$@\"", "ok: ", wrong);
        assertThat(wrong).isEmpty();

        check("export URL --replys", "flag: ", wrong);
        check("exprt URL", "command: ", wrong);
        assertThat(wrong).containsExactly("flag: starexport export has no flag --replys",
                "command: starexport has no command exprt; it has " + CliHelp.subcommands(List.of()));
    }

    @Test
    void everyStarExportArtifactInADependencySnippetIsInTheBom() {
        String bom = read(Markdown.docsDirectory().getParent().resolve("bom/pom.xml"));
        Set<String> managed = new TreeSet<>();
        Matcher managedArtifact = ARTIFACT.matcher(bom);
        while (managedArtifact.find()) {
            managed.add(managedArtifact.group(1));
        }
        assertThat(managed).as("artifacts in bom/pom.xml").contains("starexport-core");
        List<String> wrong = new ArrayList<>();
        for (Path file : Markdown.guidePages()) {
            Markdown page = Markdown.read(file);
            for (Markdown.CodeBlock block : page.codeBlocks()) {
                if (!block.language().equals("xml")) {
                    continue;
                }
                Matcher artifact = ARTIFACT.matcher(block.body());
                while (artifact.find()) {
                    if (!artifact.group(1).equals("starexport-bom") && !managed.contains(artifact.group(1))) {
                        long line = block.line() + block.body().substring(0, artifact.start(1)).chars()
                                .filter(c -> c == '\n').count();
                        wrong.add(page.name() + ":" + line + ": " + artifact.group(1));
                    }
                }
            }
        }
        assertThat(wrong).as("io.starexport artifacts in the guide's dependency snippets that bom/pom.xml does "
                + "not manage " + managed).isEmpty();
    }

    /** The line at {@code index} of a block, with the lines it continues with a trailing backslash. */
    private static String continued(String[] lines, int index) {
        StringBuilder joined = new StringBuilder(lines[index].strip());
        for (int i = index; i < lines.length - 1 && lines[i].stripTrailing().endsWith("\\"); i++) {
            joined.setLength(joined.length() - 1);
            joined.append(' ').append(lines[i + 1].strip());
        }
        return joined.toString();
    }

    /** Checks the words after {@code starexport}: a known command path, then only that command's flags. */
    private static void check(String arguments, String where, List<String> wrong) {
        Matcher end = END_OF_COMMAND.matcher(arguments);
        String words = end.find() ? arguments.substring(0, end.start()) : arguments;
        List<String> command = new ArrayList<>();
        boolean commandDone = false;
        for (String raw : words.replaceAll("'[^']*'|\"[^\"]*\"", QUOTED).split("\\s+")) {
            if (raw.equals(QUOTED)) {
                commandDone = true; // a quoted argument, such as a URL or "$@"
                continue;
            }
            String token = raw.replaceAll("^[\\[(|]+|[\\])|.…]+$", "");
            if (token.isEmpty()) {
                continue;
            }
            Matcher flag = FLAG_TOKEN.matcher(token);
            if (flag.find()) {
                if (!CliHelp.flags(command).contains(flag.group())) {
                    wrong.add(where + "starexport " + String.join(" ", command) + " has no flag " + flag.group());
                }
                continue;
            }
            if (!commandDone && !token.startsWith("-")) {
                List<String> subcommands = CliHelp.subcommands(command);
                if (subcommands.contains(token)) {
                    command.add(token);
                } else if (command.isEmpty()) {
                    wrong.add(where + "starexport has no command " + token + "; it has " + subcommands);
                    return;
                } else {
                    commandDone = true; // a positional argument, such as the URL
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
