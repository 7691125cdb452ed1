package org.openiru.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.openiru.app.DemoData;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts the service and keeps it running until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the OpenIRU service (web, API and workers) on the configured database.")
class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    PortOption portOption = new PortOption();
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        port = portOption.port;
        return run(false);
    }

    int run(boolean demo) throws InterruptedException {
        long started = System.nanoTime();
        OpenIruConfig config = OpenIruConfig.load();
        if (port != null) {
            config = config.withPort(port);
        }
        OpenIru app = OpenIru.open(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "openiru-shutdown"));
        List<DemoData.Login> logins = demo ? DemoData.seed(app) : List.of();
        WebServer web = app.startWeb();
        app.startWorkers();
        String url = config.publicUrl().map(Object::toString)
                .orElse("http://localhost:" + web.port() + "/");
        System.out.printf("OpenIRU %s is running at %s (ready in %d ms)%n", OpenIru.version(), url,
                (System.nanoTime() - started) / 1_000_000);
        System.out.println("Database: " + app.databaseDescription());
        if (demo) {
            System.out.println("Demo logins (synthetic data), password for all: " + DemoData.PASSWORD);
            for (DemoData.Login l : logins) {
                System.out.printf("  %-12s %s%n", l.username(), l.role());
            }
        }
        System.out.println("Stop with Ctrl+C.");
        stopped.await();
        return 0;
    }
}
