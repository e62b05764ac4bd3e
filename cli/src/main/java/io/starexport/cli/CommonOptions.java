package io.starexport.cli;

import picocli.CommandLine.Option;

/** Options every command takes: machine-readable output and debugging. */
final class CommonOptions {

    @Option(names = "--json", description = "Print one JSON document on stdout: {\"ok\": true, \"data\": …} "
            + "or {\"ok\": false, \"error\": …, \"error_code\": …, \"detail\": …}.")
    boolean json;

    @Option(names = "--debug", description = "Log the engine at debug level on stderr and show stack traces of errors.")
    boolean debug;
}
