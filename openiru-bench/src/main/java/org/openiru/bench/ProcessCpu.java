package org.openiru.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time of this JVM and of the embedded PostgreSQL (the postmaster and its backends) since this object was
 * made: on a shared machine wall time misleads, CPU time does not.
 */
public final class ProcessCpu {
    private final Path postmasterPid;
    private final Duration java0;
    private final Duration pg0;

    /** @param dataDir the application's data directory (the embedded PostgreSQL is under {@code postgres/}) */
    public ProcessCpu(Path dataDir) {
        this.postmasterPid = dataDir.resolve("postgres/postmaster.pid");
        this.java0 = of(ProcessHandle.current());
        this.pg0 = postgres();
    }

    /** "java 12.3 s, postgres 4.5 s" */
    public String since() {
        return String.format("java %.1f s, postgres %.1f s", of(ProcessHandle.current()).minus(java0).toMillis() / 1e3,
                postgres().minus(pg0).toMillis() / 1e3);
    }

    public static Duration of(ProcessHandle p) {
        return p.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private Duration postgres() {
        try {
            long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
            return ProcessHandle.of(pid).map(p -> of(p).plus(p.descendants().map(ProcessCpu::of)
                    .reduce(Duration.ZERO, Duration::plus))).orElse(Duration.ZERO);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded PostgreSQL's pid from " + postmasterPid, e);
        }
    }
}
