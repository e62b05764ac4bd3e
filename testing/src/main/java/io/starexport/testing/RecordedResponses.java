package io.starexport.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test's {@link io.starexport.StarExport} against recorded responses instead of the sandbox: with
 * {@link StarExportExtension}, a {@link RecordedResponseServer} serves the class-path folder, and every endpoint
 * of each named platform points at it (the server's URL followed by the endpoint's own path). On a test class
 * it applies to every test; on a method it wins over the class's.
 *
 * <pre>{@code
 * @ExtendWith(StarExportExtension.class)
 * class CommentsImportTest {
 *     @Test
 *     @RecordedResponses(value = "recordings/video1", platforms = "youtube")
 *     void importsTheRecordedThread(StarExport star) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RecordedResponses {
    /** The class-path folder holding {@code mappings/} and {@code __files/}, such as {@code "recordings/video1"}. */
    String value();

    /** Ids of the platforms whose endpoints point at the recordings, such as {@code "youtube"}. */
    String[] platforms();
}
