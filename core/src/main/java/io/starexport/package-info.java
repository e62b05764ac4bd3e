/**
 * The engine's public entry point: build a {@link io.starexport.StarExport} once, then export,
 * stream or detect URLs with it.
 *
 * <pre>{@code
 * try (StarExport star = StarExport.builder().build()) {
 *     ExportResult result = star.export("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
 *             .comments().replies(true).limit(500)
 *             .to(Path.of("comments.csv"))
 *             .run();
 * }
 * }</pre>
 */
package io.starexport;
