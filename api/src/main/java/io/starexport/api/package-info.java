/**
 * The item model ({@link io.starexport.api.Item} and its records), targets, contents, errors,
 * events and results that a host sees. Every type here is immutable and thread-safe.
 * Values a platform did not report are absent ({@link java.util.Optional}), never zero or -1.
 */
package io.starexport.api;
