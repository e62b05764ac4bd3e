/**
 * The Star Export MCP server: {@link io.starexport.mcp.StarExportMcpServer} serves the export tools to an AI
 * assistant over the MCP stdio transport.
 */
package io.starexport.mcp;
