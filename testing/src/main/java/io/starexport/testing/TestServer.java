package io.starexport.testing;

import java.net.URI;
import java.util.List;

/**
 * An HTTP server on the loopback interface that a test points an engine at: a {@link FakePlatform} or a
 * {@link RecordedResponseServer}. Thread-safe. Close it when the test ends; {@link StarExportExtension} does.
 */
public sealed interface TestServer extends AutoCloseable permits FakePlatform, RecordedResponseServer {

    /** The server's base URL, such as {@code http://127.0.0.1:41234}. */
    URI baseUrl();

    /** Every request received so far, in arrival order. */
    List<RecordedRequest> requests();

    /**
     * Connections a client has open to the server now. Zero once every engine that used it is closed;
     * {@link LeakCheck#assertNoLeaks(TestServer...)} checks that.
     */
    int openConnections();

    /** Stops the server and closes its connections and threads. */
    @Override
    void close();
}
