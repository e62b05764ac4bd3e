/**
 * A Model Context Protocol server on stdio over the Star Export engine, for AI assistants:
 * {@link io.starexport.mcp.StarExportMcpServer}.
 */
module io.starexport.mcp {
    requires transitive io.starexport.core;
    requires io.starexport.automation;
    requires io.modelcontextprotocol.sdk.mcp.core;
    requires io.modelcontextprotocol.sdk.mcp.json.jackson2;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires reactor.core;
    requires org.reactivestreams;

    exports io.starexport.mcp;
}
