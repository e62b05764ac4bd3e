package io.starexport.testing.samples;

import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.testing.FakePlatform;
import io.starexport.testing.Failure;
import io.starexport.testing.StarExportExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** docs/testing.md's first sample: the extension in sandbox and fake-platform modes, from outside the kit's package. */
@ExtendWith(StarExportExtension.class)
class CommentImportTest {

    @Test
    void sandboxGivesDeterministicSampleComments(StarExport star) {
        List<Comment> comments = star.export("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
                .comments().limit(50).stream().toList();

        assertThat(comments).hasSize(50).allSatisfy(c -> assertThat(c.platform()).isEqualTo("youtube"));
    }

    @Test
    void importsEveryPageDespiteAFlakyServer(StarExport star, FakePlatform fake) {
        fake.post("p1", 25)
                .failPage("p1", 2, Failure.status(503), Failure.connectionReset());

        List<Comment> comments = star.export(fake.url("p1")).comments().stream().toList();

        assertThat(comments).hasSize(25);
        assertThat(fake.requests("p1")).hasSize(5);   // pages 1 and 3 once, page 2 three times
    }

    @Test
    void reportsAChangedApiAsPlatformChanged(StarExport star, FakePlatform fake) {
        fake.post("p1", 25).failPage("p1", 2, Failure.schemaDrift());

        ExportException failure = catchThrowableOfType(ExportException.class,
                () -> star.export(fake.url("p1")).comments().stream().toList());

        assertThat(failure.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
    }
}
