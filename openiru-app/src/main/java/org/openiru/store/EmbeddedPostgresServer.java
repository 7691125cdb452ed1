package org.openiru.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real PostgreSQL started from the zonky binaries inside this process, its data
 * kept under the data directory. Several OpenIRU processes share one data directory: the first starts
 * PostgreSQL and writes its port and process id to {@code db-server.properties}; the others read it and
 * connect. A record left by a killed process is noticed (its process is gone) and replaced.
 */
public final class EmbeddedPostgresServer implements DatabaseServer {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String RECORD = "db-server.properties";
    private static final String LOCK = "db-server.lock";

    private final EmbeddedPostgres owned;
    private final int port;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres owned, int port, Path dataDir) {
        this.owned = owned;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Joins the server another process runs on this data directory, or starts one. */
    public static EmbeddedPostgresServer open(Path dataDir) {
        ensureWritable(dataDir);
        try (FileChannel ch = FileChannel.open(dataDir.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            Path record = dataDir.resolve(RECORD);
            Properties running = readRecord(record);
            if (running != null) {
                long pid = Long.parseLong(running.getProperty("pid", "-1"));
                int port = Integer.parseInt(running.getProperty("port", "-1"));
                if (pid != ProcessHandle.current().pid() && isAlive(pid) && accepts(port)) {
                    LOG.info("Joining the embedded PostgreSQL of process {} on port {}", pid, port);
                    return new EmbeddedPostgresServer(null, port, dataDir);
                }
                LOG.warn("Removing the stale database record of process {} (no longer running)", pid);
                Files.deleteIfExists(record);
            }
            return start(dataDir, record);
        } catch (IOException e) {
            throw new StartupException("Data directory " + dataDir + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgresServer start(Path dataDir, Path record) throws IOException {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        stopOrphan(pgData);
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("postgres-binaries").toFile())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "localhost")
                    // bulk imports write gigabytes of WAL: fewer checkpoints mean fewer full-page images in it
                    // (docs/operations.md); a crash replays more WAL at the next start
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    // the library turns durability off (-F, synchronous_commit=off) for throwaway test databases;
                    // this one holds evidence, so a power cut must not damage it. Imports relax
                    // synchronous_commit for their own batch transactions only (Ingest).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupException("The embedded PostgreSQL did not start in " + pgData + ": "
                    + rootMessage(e), e);
        }
        int port = pg.getPort();
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("port", Integer.toString(port));
        p.setProperty("started", Instant.now().toString());
        Path tmp = record.resolveSibling(RECORD + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Written by the OpenIRU process that runs the embedded PostgreSQL; others connect to it.");
        }
        Files.move(tmp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new EmbeddedPostgresServer(pg, port, dataDir);
    }

    public boolean ownsServer() {
        return owned != null;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String describe() {
        return (owned != null ? "embedded PostgreSQL" : "embedded PostgreSQL of another OpenIRU process")
                + " on port " + port + ", data in " + dataDir.resolve("postgres");
    }

    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        try {
            Files.deleteIfExists(dataDir.resolve(RECORD));
            owned.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PostgreSQL still running on the directory although no live OpenIRU process owns it: its owner was
     * killed. We hold the directory lock, so nobody else is starting one; stop it so ours can start.
     */
    private static void stopOrphan(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip());
        } catch (RuntimeException e) {
            return;
        }
        var orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn("Stopping PostgreSQL process {} left running by a previous OpenIRU process", pid);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            orphan.get().destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while stopping the orphaned PostgreSQL " + pid);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StartupException("Could not stop the orphaned PostgreSQL " + pid + ": " + e.getMessage());
        }
    }

    private static void ensureWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test", "");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new StartupException("Data directory " + dir + " is not writable (OPENIRU_DATA_DIR)");
        } catch (IOException e) {
            throw new StartupException("Data directory " + dir + " cannot be used (OPENIRU_DATA_DIR): "
                    + e.getMessage());
        }
    }

    private static Properties readRecord(Path record) throws IOException {
        if (!Files.isRegularFile(record)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** For the start-up message and tests: the record a running owner left. */
    static Map<Object, Object> record(Path dataDir) throws IOException {
        Properties p = readRecord(dataDir.resolve(RECORD));
        return p == null ? Map.of() : Map.copyOf(p);
    }
}
