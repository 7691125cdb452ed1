package org.openiru.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve} with synthetic demo data and one login per role. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the service with synthetic demo data; prints the URL and the demo logins.")
class DemoCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    PortOption port;

    @Override
    public Integer call() throws InterruptedException {
        ServeCommand serve = new ServeCommand();
        serve.port = port.port;
        return serve.run(true);
    }
}
