/**
 * The self-hosted server: {@link io.starexport.server.StarExportServer} serves ExportComments' v3 API (jobs, API
 * tokens, usage, bulk downloads) and the Star Export API over a {@link io.starexport.StarExport} engine and a job executor on a directory;
 * {@link io.starexport.server.Tokens} creates, lists and revokes its API tokens.
 */
package io.starexport.server;
