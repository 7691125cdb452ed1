package org.openiru.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.openiru.store.Database;
import org.openiru.store.DatabaseServer;

/**
 * One real PostgreSQL for the whole test run. The first use migrates a template database; every test
 * class then gets a fresh copy of it ({@code CREATE DATABASE … TEMPLATE}), which takes milliseconds.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String TEMPLATE = "openiru_template";
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
            execute("CREATE DATABASE " + TEMPLATE);
            try (Database db = Database.connect(url(TEMPLATE), "postgres", "", 2)) {
                db.migrate();
            }
        }
        return server;
    }

    /** Stops the server (at the end of the run; also safe when it never started or already stopped). */
    static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    /** A new, migrated, empty database of its own. */
    public static DatabaseServer freshDatabase() {
        server();
        String name = "t" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return DatabaseServer.external(url(name), "postgres", "");
    }

    public static int port() {
        return server().getPort();
    }

    private static String url(String db) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + db;
    }

    private static void execute(String sql) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
