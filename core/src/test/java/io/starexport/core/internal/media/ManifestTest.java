package io.starexport.core.internal.media;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manifest survives crashes and belongs to one export at a time. */
class ManifestTest {
    @TempDir
    Path dir;

    private static Manifest.Entry entry(String hash, Manifest.Status status) {
        return new Manifest.Entry("https://cdn.example/" + hash, hash, "p/" + hash + ".jpg", null, null, null, status, 1,
                null, "p", "i", "2025-01-01T00:00:00Z");
    }

    @Test
    void theLastLineOfAUrlWinsAndATornLastLineIsIgnored() throws IOException {
        try (Manifest manifest = Manifest.open(dir)) {
            manifest.append(entry("h1", Manifest.Status.PENDING));
            manifest.append(entry("h2", Manifest.Status.PENDING));
            manifest.append(entry("h1", Manifest.Status.DOWNLOADED));
        }
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "{\"url\":\"https://cdn.exa", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (Manifest reopened = Manifest.open(dir)) {
            assertThat(reopened.get("h1").status()).isEqualTo(Manifest.Status.DOWNLOADED);
            assertThat(reopened.get("h2").status()).isEqualTo(Manifest.Status.PENDING);
            assertThat(reopened.entries()).hasSize(2);
        }
    }

    @Test
    void aSecondUserOfTheFolderIsRefused() {
        try (Manifest first = Manifest.open(dir)) {
            first.append(entry("h1", Manifest.Status.PENDING));
            assertThatThrownBy(() -> Manifest.open(dir)).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT));
        }
        try (Manifest afterwards = Manifest.open(dir)) {
            assertThat(afterwards.get("h1").status()).isEqualTo(Manifest.Status.PENDING);
        }
    }
}
