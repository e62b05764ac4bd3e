package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The API tokens of a server directory, kept in {@code <directory>/tokens.json}: for each token its id, name,
 * creation and expiry (one year after creation, as ExportComments' tokens), and the SHA-256 of its secret, never
 * the secret itself. The secret is shown once, by {@link #create}; a request presents it in {@code X-AUTH-TOKEN}.
 * Use this class to make the first token before any client can call {@code /api/v1/api_tokens/generate}:
 *
 * <pre>{@code
 * Tokens.Created first = Tokens.open(directory).create("laptop");
 * System.out.println(first.secret());   // give it to the client; it cannot be shown again
 * }</pre>
 *
 * <p>Thread-safe. A running server notices tokens created or revoked by another {@code Tokens} on the same
 * directory (the file is re-read when it changes); two processes writing at the same moment may lose one write.
 */
public final class Tokens {
    /** How long a token is valid after it is created. */
    public static final Duration LIFETIME = Duration.ofDays(365);
    /** Every secret starts with this, so that leaked ones are easy to search for. */
    public static final String PREFIX = "se_live_";
    private static final String FILE = "tokens.json";
    private static final int DOCUMENT_VERSION = 1;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .toCharArray();
    private static final int SECRET_LENGTH = 56;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private List<Stored> tokens = List.of();
    private FileTime readAt;

    /** What is stored of a token: its public part and the SHA-256 of its secret. */
    private record Stored(Token token, byte[] hash) {
    }

    /**
     * A token as lists show it; the secret is not part of it.
     *
     * @param uuid      the token's id, used to retrieve or revoke it
     * @param name      the name given when it was created; may be empty
     * @param createdAt when it was created
     * @param expiresAt when it stops being accepted
     */
    public record Token(UUID uuid, String name, Instant createdAt, Instant expiresAt) {
        public Token {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        /** Whether the token has expired at this instant. */
        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /**
     * A token just created, with its secret: the only time the secret is available.
     *
     * @param token  the token
     * @param secret what a client sends in {@code X-AUTH-TOKEN}
     */
    public record Created(Token token, String secret) {
        public Created {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(secret, "secret");
        }

        /** Names the token; never shows the secret. */
        @Override
        public String toString() {
            return "Created[token=" + token + ", secret=" + PREFIX + "***]";
        }
    }

    private Tokens(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * The tokens of a server directory; the directory is created when missing.
     *
     * @throws ExportException {@code OUTPUT} when the directory or its token file cannot be read
     */
    public static Tokens open(Path directory) {
        return open(directory, Clock.systemUTC());
    }

    static Tokens open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "cannot create the server directory " + directory + ": "
                    + e.getMessage(), e);
        }
        Tokens tokens = new Tokens(directory.resolve(FILE), Objects.requireNonNull(clock, "clock"));
        synchronized (tokens) {
            tokens.refresh();
        }
        return tokens;
    }

    /**
     * Creates a token valid for {@link #LIFETIME}.
     *
     * @param name a name to tell tokens apart, such as the machine that uses it; may be empty
     * @throws ExportException {@code OUTPUT} when the token file cannot be written
     */
    public synchronized Created create(String name) {
        Objects.requireNonNull(name, "name");
        if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a token name has at most 100 characters and no control characters");
        }
        refresh();
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            secret.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        Instant now = clock.instant();
        Token token = new Token(UUID.randomUUID(), name, now, now.plus(LIFETIME));
        List<Stored> next = new ArrayList<>(tokens);
        next.add(new Stored(token, sha256(secret.toString())));
        write(next);
        return new Created(token, secret.toString());
    }

    /** Every token, expired ones included, newest expiry first (the seed's order). */
    public synchronized List<Token> list() {
        refresh();
        return tokens.stream().map(Stored::token)
                .sorted(Comparator.comparing(Token::expiresAt).reversed().thenComparing(Token::uuid)).toList();
    }

    /** The token with this id. */
    public synchronized Optional<Token> get(UUID uuid) {
        refresh();
        return tokens.stream().map(Stored::token).filter(t -> t.uuid().equals(uuid)).findFirst();
    }

    /**
     * Deletes a token; requests that present it are refused from now on.
     *
     * @return whether there was such a token
     * @throws ExportException {@code OUTPUT} when the token file cannot be written
     */
    public synchronized boolean revoke(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        refresh();
        List<Stored> next = tokens.stream().filter(s -> !s.token().uuid().equals(uuid)).toList();
        if (next.size() == tokens.size()) {
            return false;
        }
        write(next);
        return true;
    }

    /**
     * The token whose secret this is, expired or not. Every stored hash is compared, each in constant time, so
     * the time taken tells nothing about which token, or how much of one, matched.
     */
    synchronized Optional<Token> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 200) {
            return Optional.empty();
        }
        refresh();
        byte[] hash = sha256(presented);
        Token found = null;
        for (Stored stored : tokens) {
            if (MessageDigest.isEqual(stored.hash(), hash)) {
                found = stored.token();
            }
        }
        return Optional.ofNullable(found);
    }

    Instant now() {
        return clock.instant();
    }

    /** Re-reads the file when another process changed it since it was last read or written here. */
    private void refresh() {
        try {
            if (!Files.exists(file)) {
                tokens = List.of();
                readAt = null;
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(readAt)) {
                return;
            }
            JsonNode document = JSON.readTree(Files.readString(file));
            if (document.path("version").asInt() != DOCUMENT_VERSION) {
                throw new IllegalStateException("unknown version " + document.path("version"));
            }
            List<Stored> read = new ArrayList<>();
            for (JsonNode node : document.path("tokens")) {
                read.add(new Stored(new Token(UUID.fromString(node.path("uuid").asText()), node.path("name").asText(),
                        Instant.parse(node.path("createdAt").asText()), Instant.parse(node.path("expiresAt").asText())),
                        HexFormat.of().parseHex(node.path("sha256").asText())));
            }
            tokens = List.copyOf(read);
            readAt = modified;
        } catch (IOException | RuntimeException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "cannot read the token file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the file to a temporary name, owner-only where the file system has POSIX permissions, then moves it. */
    private void write(List<Stored> next) {
        ObjectNode document = JSON.createObjectNode().put("version", DOCUMENT_VERSION);
        ArrayNode array = document.putArray("tokens");
        for (Stored stored : next) {
            array.addObject().put("uuid", stored.token().uuid().toString()).put("name", stored.token().name())
                    .put("sha256", HexFormat.of().formatHex(stored.hash()))
                    .put("createdAt", stored.token().createdAt().toString())
                    .put("expiresAt", stored.token().expiresAt().toString());
        }
        Path temporary = file.resolveSibling(FILE + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document),
                    StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tokens = List.copyOf(next);
            readAt = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw ExportException.of(ErrorCode.OUTPUT, "cannot write the token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Tokens[" + file + "]";
    }
}
