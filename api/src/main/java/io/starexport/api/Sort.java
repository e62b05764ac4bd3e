package io.starexport.api;

/**
 * Requested order of items. A hint: each platform honours it where its API can and says where it
 * cannot ({@link ExportResult#notes()}).
 */
public enum Sort {
    /** The platform's own ranking (top, relevance, best, confidence). */
    TOP,
    /** Newest first. Lets the engine stop early once it passes {@code since}. */
    NEWEST,
    /** Oldest first. */
    OLDEST
}
