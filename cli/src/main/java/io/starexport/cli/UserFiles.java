package io.starexport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Text files the user names (cookies, config, URL lists), read whole but never more than {@link #MAX_BYTES}: a
 * huge or endless file ({@code /dev/zero}) is a usage error, not gigabytes of memory and an OutOfMemoryError.
 */
final class UserFiles {
    /** Far more than any real cookies file, config or URL list (16 MiB is some 200,000 URLs). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private UserFiles() {
    }

    /** The lines of a UTF-8 file; IllegalArgumentException naming {@code what} when it is larger than the cap. */
    static List<String> readLines(Path file, String what) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLines(in, what + " " + file);
        }
    }

    /** The lines of UTF-8 text from {@code in}, read up to the cap. */
    static List<String> readLines(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(what + " is larger than " + (MAX_BYTES >> 20) + " MiB; is it the right "
                    + "file?");
        }
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return text.isEmpty() ? List.of() : text.lines().toList();
    }
}
