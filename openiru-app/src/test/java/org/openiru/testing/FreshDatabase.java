package org.openiru.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openiru.app.OpenIru;
import org.openiru.store.Database;
import org.openiru.store.DatabaseServer;

/**
 * JUnit 5 extension: the test run's one embedded PostgreSQL (started on first use, stopped by JUnit at the
 * end of the run), and for each test class a fresh, migrated database of its own. Test methods and
 * lifecycle methods declare a {@link Database} or {@link DatabaseServer} parameter to get it, or an
 * {@link OpenIru} for the whole service without its web server (its data directory is temporary), and
 * {@link TestClock} for that service's clock.
 * <pre>{@code @ExtendWith(FreshDatabase.class) class MyTest { @Test void t(Database db) { … } }}</pre>
 */
public final class FreshDatabase implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FreshDatabase.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> type = p.getParameter().getType();
        return type == Database.class || type == DatabaseServer.class || type == OpenIru.class
                || type == TestClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        ctx.getRoot().getStore(NS).getOrComputeIfAbsent("server", k -> new RunServer(), RunServer.class);
        ExtensionContext classCtx = classContext(ctx);
        DatabaseServer server = classCtx.getStore(NS).getOrComputeIfAbsent("database",
                k -> TestPostgres.freshDatabase(), DatabaseServer.class);
        if (p.getParameter().getType() == DatabaseServer.class) {
            return server;
        }
        if (p.getParameter().getType() == OpenIru.class || p.getParameter().getType() == TestClock.class) {
            ClassApp c = classCtx.getStore(NS).getOrComputeIfAbsent("app", k -> new ClassApp(server), ClassApp.class);
            return p.getParameter().getType() == OpenIru.class ? c.app : c.clock;
        }
        return classCtx.getStore(NS).getOrComputeIfAbsent("connection",
                k -> new ClassDatabase(Database.connect(server.jdbcUrl(), server.user(), server.password(), 8)),
                ClassDatabase.class).db;
    }

    private static ExtensionContext classContext(ExtensionContext ctx) {
        ExtensionContext c = ctx;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Stops the run's PostgreSQL when JUnit closes the root store. */
    private static final class RunServer implements AutoCloseable {
        RunServer() {
            TestPostgres.port();
        }

        @Override
        public void close() {
            TestPostgres.stop();
        }
    }

    /** The class's service, closed after its last test, with its data directory removed. */
    private static final class ClassApp implements AutoCloseable {
        final OpenIru app;
        final TestClock clock = new TestClock();
        final Path dataDir;

        ClassApp(DatabaseServer server) {
            try {
                dataDir = Files.createTempDirectory("openiru-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            app = OpenIru.open(TestApp.config().withDataDir(dataDir), server, clock);
        }

        @Override
        public void close() throws IOException {
            app.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Closes the class's connection pool after its last test. */
    private record ClassDatabase(Database db) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }
}
