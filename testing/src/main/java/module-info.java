/**
 * Star Export's test kit: test a host application's integration offline. A JUnit 5 extension
 * ({@link io.starexport.testing.StarExportExtension}) gives each test an engine wired to the sandbox, to a
 * scripted {@link io.starexport.testing.FakePlatform} or to a {@link io.starexport.testing.RecordedResponseServer},
 * and {@link io.starexport.testing.LeakCheck} checks that no thread or connection outlived the test.
 */
module io.starexport.testing {
    requires transitive io.starexport.core;
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;

    exports io.starexport.testing;
}
