package org.openiru.signals;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.hashing.index.MultiIndexHashIndex;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.WorkerPool;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/** The signals feature, wired: banks, the in-memory index that follows them, matching, retro-hunts. */
public final class Signals {
    public final SignalIndex index;
    public final Banks banks;
    public final BankMatcher matcher;
    public final SignalMatcher signalMatcher;
    public final RetroHunts retroHunts;
    public final BankImports imports;
    public final MediaHasher hasher = new MediaHasher();

    public Signals(Jdbi jdbi, AuditLog audit, JobQueue jobs, WorkerPool workers) {
        // The one place that names the index implementation, so that a faster one is a one-line change.
        this.index = new SignalIndex(MultiIndexHashIndex::new, this::allBanks, this::allEntries);
        this.banks = new Banks(jdbi, audit, index);
        this.matcher = new BankMatcher(index, banks);
        this.signalMatcher = new SignalMatcher(jdbi, matcher);
        this.retroHunts = new RetroHunts(jdbi, jobs, signalMatcher, MultiIndexHashIndex::new);
        this.imports = new BankImports(banks, retroHunts);
        workers.register(RetroHunts.QUEUE, retroHunts::run, Duration.ofMinutes(30));
    }

    // The index loads through these on first use; the banks service exists by then.
    private java.util.List<Bank> allBanks() {
        return banks.list();
    }

    private void allEntries(java.util.function.Consumer<IndexedEntry> sink) {
        banks.forEachIndexed(sink);
    }

    public void register(Routes routes, Pages pages, Authenticator auth) {
        new SignalApiRoutes(this, auth).register(routes);
        new HmaRoutes(this, auth).register(routes);
        new BankPages(this, pages, auth).register(routes);
    }
}
