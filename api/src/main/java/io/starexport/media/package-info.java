/**
 * Media downloads: the files an export's items reference (post images and videos, carousel children,
 * thumbnails, media rows), fetched only from the platform's media hosts, named by a template, resumable,
 * deduplicated and recorded in a manifest. Enable them with
 * {@code ExportSpec.downloadMedia(MediaOptions)} or
 * {@link io.starexport.api.ExportRequest.Builder#downloadMedia(MediaOptions)}.
 *
 * <pre>{@code
 * ExportResult result = star.export(url).posts()
 *         .to(Path.of("posts.jsonl"))
 *         .downloadMedia(MediaOptions.builder(Path.of("media")).quality(Quality.maxHeight(720)).build())
 *         .run();
 * result.media().ifPresent(media -> System.out.println(media.downloaded() + " files downloaded"));
 * }</pre>
 */
package io.starexport.media;
