/**
 * A self-hosted HTTP server over the Star Export engine that speaks ExportComments' v3 API (with its webhooks and
 * scheduled exports) and the Star Export API:
 * {@link io.starexport.server.StarExportServer}, and {@link io.starexport.server.Tokens} for its API tokens.
 */
module io.starexport.server {
    requires transitive io.starexport.core;
    requires io.starexport.automation;
    requires io.javalin;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.starexport.server;
}
