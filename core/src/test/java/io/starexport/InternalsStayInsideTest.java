package io.starexport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exported packages of core do not reach into {@code io.starexport.core.internal}, so the public types form
 * a layer of their own: the engine may use them, never the other way round. The exceptions are the two
 * facades the engine sits behind. Read from the compiled classes, so fully qualified names count as imports.
 */
class InternalsStayInsideTest {
    /** The entry points that build and drive the engine; nothing else in an exported package may. */
    private static final Set<String> FACADES = Set.of("io.starexport.StarExport", "io.starexport.ExportSpec");
    private static final byte[] INTERNAL = "io/starexport/core/internal/".getBytes(StandardCharsets.UTF_8);

    @Test
    void noExportedClassButTheFacadesUsesAnInternalType() throws Exception {
        Path classes = Path.of(StarExport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        Set<String> exported = new TreeSet<>();
        module.exports().forEach(export -> exported.add(export.source()));
        assertThat(exported).contains("io.starexport", "io.starexport.jobs");

        Set<String> users = new TreeSet<>();
        for (String pkg : exported) {
            for (Path file : classFiles(classes.resolve(pkg.replace('.', '/')))) {
                if (contains(Files.readAllBytes(file), INTERNAL)) {
                    String name = file.getFileName().toString().replaceFirst("(\\$.*)?\\.class$", "");
                    users.add(pkg + "." + name);
                }
            }
        }
        assertThat(users).as("classes of exported packages that use core.internal").isSubsetOf(FACADES);
    }

    private static List<Path> classFiles(Path packageDir) throws IOException {
        try (Stream<Path> files = Files.list(packageDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".class")).toList();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
