package io.starexport.docs;

import io.starexport.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code starexport --help} and each command's {@code --help} say, the public surface of the command line:
 * its commands and each command's flags. Help texts are rendered once per test run.
 */
final class CliHelp {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--?[A-Za-z?][\\w-]*)");
    private static final Pattern SUBCOMMAND = Pattern.compile("^ {2}([\\w-]+)(\\s|,|$).*");
    private static final Map<List<String>, String> HELP = new ConcurrentHashMap<>();

    private CliHelp() {
    }

    /** The help text of {@code starexport <command…> --help}; fails if that exits non-zero. */
    static String help(List<String> command) {
        return HELP.computeIfAbsent(List.copyOf(command), CliHelp::render);
    }

    /** The command and its subcommands, recursively, from the {@code Commands:} sections of their help. */
    static List<List<String>> commands(List<String> command) {
        List<List<String>> all = new ArrayList<>();
        all.add(command);
        for (String sub : subcommands(command)) {
            List<String> child = new ArrayList<>(command);
            child.add(sub);
            all.addAll(commands(child));
        }
        return all;
    }

    /** The names the {@code Commands:} section of a command's help lists. */
    static List<String> subcommands(List<String> command) {
        List<String> names = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help(command).split("\n")) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                inCommands = false;
            } else if (inCommands) {
                Matcher sub = SUBCOMMAND.matcher(line);
                if (sub.matches()) {
                    names.add(sub.group(1));
                }
            }
        }
        return names;
    }

    /** The flags a command's help lists in its options section, short and long. */
    static Set<String> flags(List<String> command) {
        Set<String> found = new TreeSet<>();
        for (String line : help(command).split("\n")) {
            if (line.matches("^\\s{1,8}-.*")) {
                found.addAll(flagsIn(line.strip().split("\\s{2,}")[0]));
            }
        }
        return found;
    }

    /** The flags ({@code -o}, {@code --format}) written in a piece of text. */
    static Set<String> flagsIn(String text) {
        Set<String> flags = new TreeSet<>();
        Matcher flag = FLAG.matcher(text);
        while (flag.find()) {
            flags.add(flag.group(1));
        }
        return flags;
    }

    private static String render(List<String> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        if (exit != 0) {
            throw new AssertionError("starexport " + String.join(" ", args) + " exited with " + exit + "; stderr: "
                    + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
