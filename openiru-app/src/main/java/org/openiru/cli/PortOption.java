package org.openiru.cli;

import picocli.CommandLine.Option;

/** The {@code --port} option shared by the commands that start the server. */
class PortOption {
    @Option(names = "--port", description = "HTTP port (overrides OPENIRU_PORT).")
    Integer port;
}
