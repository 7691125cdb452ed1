package org.openiru.store;

import java.nio.file.Path;

/** Test helper run in a separate JVM: starts the embedded database on a directory and waits to be killed. */
public final class HoldDatabaseMain {
    private HoldDatabaseMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.open(Path.of(args[0]));
        String url = server.jdbcUrl();
        System.out.println("READY " + url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
