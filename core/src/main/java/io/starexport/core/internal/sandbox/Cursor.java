package io.starexport.core.internal.sandbox;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.util.Locale;

/**
 * A sandbox cursor: {@code sbx2:<tag>:<total>:<units>:<position>:<sub>:<emitted>}. The tag ties it to one
 * export (URL, content, replies, sort). Total and units fix how large the export is and how it is laid
 * out (units is the extractor's own sizing number: the comment budget, the number of posts), so a
 * resumed export sees the same items even if it is given a different limit. Position and sub say where
 * the next page starts; emitted counts the items before it. Everything a page needs is here, so pages
 * need no memory of earlier ones. The prefix changes whenever the same position would give different
 * items (sbx2: items dressed by the platform's sample style).
 */
record Cursor(String tag, long total, long units, long position, long sub, long emitted) {
    private static final String PREFIX = "sbx2";

    String encode() {
        return PREFIX + ":" + tag + ":" + total + ":" + units + ":" + position + ":" + sub + ":" + emitted;
    }

    /**
     * Reads a cursor this version wrote for the export with {@code tag}.
     *
     * @throws ExportException with {@link ErrorCode#OUTPUT} for anything else
     */
    static Cursor parse(String text, String tag) {
        String[] parts = text.split(":", -1);
        if (parts.length != 7 || !parts[0].equals(PREFIX)) {
            throw notOurs(text);
        }
        if (!parts[1].equals(tag)) {
            throw ExportException.of(ErrorCode.OUTPUT, "sandbox cursor '" + text
                    + "' belongs to a different export (another URL, content, sort or replies setting)");
        }
        try {
            Cursor cursor = new Cursor(parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]), Long.parseLong(parts[5]), Long.parseLong(parts[6]));
            if (cursor.units < 0 || cursor.position < 0 || cursor.sub < 0 || cursor.emitted < 0
                    || cursor.emitted >= cursor.total) {
                throw notOurs(text);
            }
            return cursor;
        } catch (NumberFormatException e) {
            throw notOurs(text);
        }
    }

    /** The cursor of the page after this one, or null when this page is the last. */
    Cursor next(long nextPosition, long nextSub, long nextEmitted) {
        return nextEmitted >= total ? null : new Cursor(tag, total, units, nextPosition, nextSub, nextEmitted);
    }

    /** Where an export starts, or where a saved cursor says it continues. */
    static Cursor start(Scene scene, java.util.Optional<String> saved, java.util.function.LongSupplier units,
                        java.util.function.LongUnaryOperator totalOfUnits) {
        String tag = tag(scene);
        if (saved.isPresent()) {
            return parse(saved.get(), tag);
        }
        long size = units.getAsLong();
        return new Cursor(tag, totalOfUnits.applyAsLong(size), size, 0, 0, 0);
    }

    static ExportException notOurs(String text) {
        return ExportException.of(ErrorCode.OUTPUT, "sandbox cursor '" + text + "' is not one this version wrote");
    }

    /** The tag of an export: the first 32 bits of a hash of what defines its items. */
    static String tag(Scene scene) {
        String content = scene.query.content().name();
        String sort = scene.query.sort().map(Enum::name).orElse("-");
        long hash = Rng.seed(scene.platform + "|" + scene.target.kind() + "|" + scene.target.id() + "|" + content + "|"
                + scene.query.replies() + "|" + sort);
        return String.format(Locale.ROOT, "%08x", hash >>> 32);
    }
}
