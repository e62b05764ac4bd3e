package io.starexport.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an extractor's position into a cursor string and back. A cursor is what the engine keeps in a
 * checkpoint, so it must hold everything needed to continue and nothing secret (no access token, no URL
 * that carries one).
 *
 * <p>The string is {@code <kind>.<version>.<base64url JSON>}, for example {@code comments.1.eyJ0IjoiQUJDIn0}:
 * URL-safe, without padding, readable enough to see what it is. The kind tells apart the cursors of one
 * platform's extractors; the version changes whenever the fields change meaning, so a cursor written by
 * another version of the platform is refused with one clear {@link ErrorCode#OUTPUT} error that names both
 * versions and tells the user to start the export again without the checkpoint, instead of resuming at the
 * wrong place.
 *
 * <pre>{@code
 * private static final CursorCodec CURSOR = CursorCodec.of("hackernews", "comments", 1);
 *
 * ObjectNode state = request.cursor().map(CURSOR::decode).orElseGet(CURSOR::newState);
 * ...
 * return Page.of(items, more ? CURSOR.encode(state.put("page", page + 1)) : null);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class CursorCodec {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern FORM = Pattern.compile("([a-z][a-z0-9-]{0,31})\\.([0-9]{1,6})\\.([A-Za-z0-9_-]*)");

    private final String platform;
    private final String kind;
    private final int version;

    private CursorCodec(String platform, String kind, int version) {
        this.platform = platform;
        this.kind = kind;
        this.version = version;
    }

    /**
     * A codec for one kind of cursor.
     *
     * @param platform the platform id, named in errors ({@code "youtube"})
     * @param kind     what the cursor pages through: lower case letters, digits and dashes, such as {@code "comments"}
     * @param version  the version of the cursor's fields, from 1; raise it when their meaning changes
     * @throws IllegalArgumentException for a kind that is not lower-case letters, digits and dashes, or a version below 1
     */
    public static CursorCodec of(String platform, String kind, int version) {
        Objects.requireNonNull(platform, "platform");
        if (!KIND.matcher(Objects.requireNonNull(kind, "kind")).matches()) {
            throw new IllegalArgumentException("a cursor kind is 1 to 32 lower-case letters, digits and dashes, "
                    + "starting with a letter, but was '" + kind + "'");
        }
        if (version < 1 || version > 999_999) {
            throw new IllegalArgumentException("a cursor version is 1 to 999999 but was " + version);
        }
        return new CursorCodec(platform, kind, version);
    }

    /** A new, empty state to fill with the position's fields. */
    public ObjectNode newState() {
        return Json.object();
    }

    /** The cursor for a state; the state is not changed. */
    public String encode(ObjectNode state) {
        byte[] json = Objects.requireNonNull(state, "state").toString().getBytes(StandardCharsets.UTF_8);
        return kind + "." + version + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /**
     * The state a cursor holds.
     *
     * @throws ExportException {@link ErrorCode#OUTPUT} when the cursor is of another kind or version, or damaged
     */
    public ObjectNode decode(String cursor) {
        Matcher form = FORM.matcher(Objects.requireNonNull(cursor, "cursor"));
        if (!form.matches()) {
            throw refused("has no version (it was written by an older Star Export, or is damaged)", null);
        }
        if (!form.group(1).equals(kind)) {
            throw refused("is a '" + form.group(1) + "' cursor", null);
        }
        int found = Integer.parseInt(form.group(2));
        if (found != version) {
            throw refused("is version " + found + (found < version ? " (from an older" : " (from a newer")
                    + " Star Export)", null);
        }
        try {
            JsonNode state = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(form.group(3)));
            if (state instanceof ObjectNode object) {
                return object;
            }
        } catch (IllegalArgumentException | IOException e) {
            throw refused("is damaged", e);
        }
        throw refused("is damaged", null);
    }

    private ExportException refused(String what, Exception cause) {
        return ExportException.of(ErrorCode.OUTPUT, "The " + platform + " cursor in this checkpoint " + what
                + ", but this version reads version " + version + " of '" + kind + "' cursors. Start the export"
                + " again without the checkpoint (delete the .checkpoint.json file, or run it without resuming).", cause);
    }

    @Override
    public String toString() {
        return "CursorCodec[" + platform + " " + kind + " v" + version + "]";
    }
}
