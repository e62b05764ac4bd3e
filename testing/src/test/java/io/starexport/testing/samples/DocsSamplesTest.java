package io.starexport.testing.samples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Java sample in docs/testing.md is a class or method of these tests, so the samples compile and pass. */
class DocsSamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    private static String normalised(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }

    @Test
    void everyJavaSampleIsTakenFromATest() throws IOException {
        String tests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(normalised(Files.readString(file)));
            }
            tests = String.join("\n", sources);
        }
        Matcher samples = JAVA_BLOCK.matcher(Files.readString(Path.of("../docs/testing.md")));
        int count = 0;
        while (samples.find()) {
            String sample = samples.group(1);
            if (sample.lines().count() > 1) {
                assertThat(tests).as("docs/testing.md sample %d", count + 1).contains(normalised(sample));
            }
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(5);
    }
}
