package org.openiru.app;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openiru.audit.AuditLog;
import org.openiru.audit.AuditRoutes;
import org.openiru.auth.ApiTokens;
import org.openiru.auth.AuthRoutes;
import org.openiru.auth.Authenticator;
import org.openiru.auth.LoginThrottle;
import org.openiru.auth.OidcRoutes;
import org.openiru.auth.PasswordHasher;
import org.openiru.auth.Sessions;
import org.openiru.auth.Users;
import org.openiru.dashboard.Dashboard;
import org.openiru.campaign.Campaign;
import org.openiru.delivery.Deliveries;
import org.openiru.delivery.DeliveryRoutes;
import org.openiru.delivery.DeliveryWorkers;
import org.openiru.detect.Detect;
import org.openiru.detect.Retrain;
import org.openiru.detect.ScoreStep;
import org.openiru.detect.cases.CaseDetection;
import org.openiru.evidence.BlobStore;
import org.openiru.ingest.Ingest;
import org.openiru.ingest.Progress;
import org.openiru.signals.BlobSignals;
import org.openiru.ingest.IngestRoutes;
import org.openiru.ingest.ItemQueries;
import org.openiru.network.Network;
import org.openiru.ingest.UploadImports;
import org.openiru.evidence.EvidenceRoutes;
import org.openiru.ingest.Sources;
import org.openiru.ingest.data.ItemsApi;
import org.openiru.ingest.data.ItemsFile;
import org.openiru.ingest.telegram.TelegramImporter;
import org.openiru.ingest.tme.TmeCollector;
import org.openiru.ingest.warc.WarcImporter;
import org.openiru.auth.UserRoutes;
import org.openiru.platform.PlatformRoutes;
import org.openiru.platform.Platforms;
import org.openiru.platform.WebhookSecrets;
import org.openiru.referral.Referral;
import org.openiru.referral.order.RemovalOrders;
import org.openiru.report.Reports;
import org.openiru.review.Review;
import org.openiru.signals.Signals;
import org.openiru.store.Database;
import org.openiru.store.DatabaseServer;
import org.openiru.store.EmbeddedPostgresServer;
import org.openiru.store.queue.Backoff;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.ItemJobs;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.PgJobQueue;
import org.openiru.store.queue.QueueAdmin;
import org.openiru.store.queue.QueueRoutes;
import org.openiru.store.queue.WorkerPool;
import org.openiru.unit.UnitRoutes;
import org.openiru.unit.Units;
import org.openiru.web.Messages;
import org.openiru.web.Pages;
import org.openiru.web.Routes;
import org.openiru.web.SystemRoutes;
import org.openiru.web.WebServer;
import org.openiru.verify.Verify;
import org.openiru.verify.preserve.Preservation;
import org.openiru.verify.preserve.PurgeJob;
import org.openiru.verify.reappear.Reappear;
import org.openiru.verify.reappear.ReappearStep;

/**
 * The composition root: the one place where the parts are made and wired, by hand. The command line uses
 * the services; {@link #startWeb()} adds the HTTP server, {@link #startWorkers()} the pipeline workers.
 */
public final class OpenIru implements AutoCloseable {
    public final OpenIruConfig config;
    /** The time every feature's deadlines and schedules are read from (tests move it forward). */
    public final Clock clock;
    public final Database db;
    public final AuditLog audit;
    public final Units units;
    public final Platforms platforms;
    public final Users users;
    public final Sessions sessions;
    public final ApiTokens tokens;
    /** Evidence: content-addressed files under the data directory. */
    public final BlobStore blobs;
    /** Imports (sources) and the items they bring. */
    public final Ingest ingest;
    public final TelegramImporter telegram;
    public final TmeCollector tme;
    public final WarcImporter warc;
    /** JSONL files of items and CSV lists of URLs. */
    public final ItemsFile itemsFiles;
    /** Imports started from the sources page, run by the workers. */
    public final UploadImports uploads;
    /** The pipeline steps enqueue their work here. */
    public final JobQueue jobs;
    /** The pipeline steps register their handlers here, before {@link #startWorkers()}. */
    public final WorkerPool workers;
    /** Hash banks, matching and retro-hunts. */
    public final Signals signals;
    /** Scores, their reasons, reference data and models. */
    public final Detect detect;
    /** The review desk: cases, queues, claims, assessments, approvals, holds. */
    public final Review review;
    /** Cases from detection: copies of one content clustered into one case, routed to queues by rules. */
    public final CaseDetection detectCases;
    /** The outbox of e-mails and webhooks to platforms and people, and its log. */
    public final Deliveries deliveries;
    private final DeliveryWorkers deliveryWorkers;
    /** Referrals of approved cases, reason templates, the platforms' answers and the portal. */
    public final Referral referral;
    /** Takedown verification: the outbound guard, scheduled checks, gone markers, timelines, statistics. */
    public final Verify verify;
    /** Removed content seen again: matching, the reappeared queue's cases, counts. */
    public final Reappear reappear;
    /** Removed content kept for the preservation period or a legal hold, then purged. */
    public final Preservation preservation;
    /** Removal orders (TCO Art. 3): Annex I, PDF, signature, the one-hour clock and its breach check. */
    public final RemovalOrders removalOrders;
    /** Action-day final reports and the transparency reports (PDF and CSV). */
    public final Reports reports;
    /** The unit dashboard of the start page. */
    public final Dashboard dashboard;
    /** Action days: saved searches, planning, targets, the live board and the figures of the final report. */
    public final Campaign campaign;
    /** The distributor network: edges from the items, rankings, takedown impact, exports. */
    public final Network network;
    /** The interface texts in every language, read once for the pages and the documents sent out. */
    private final Map<String, Messages> messages;
    private final ItemQueries items;
    private final QueueAdmin queueAdmin;
    private final BlobSignals blobSignals;
    private final DatabaseServer server;
    private WebServer web;

    private OpenIru(OpenIruConfig config, DatabaseServer server, Database db, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.server = server;
        this.db = db;
        this.audit = new AuditLog(db.jdbi());
        this.units = new Units(db.jdbi(), audit);
        this.platforms = new Platforms(db.jdbi(), audit);
        this.users = new Users(db.jdbi(), audit, new PasswordHasher(config.argon2MemoryKib()));
        this.sessions = new Sessions(db.jdbi(), config.sessionTtl());
        this.tokens = new ApiTokens(db.jdbi(), audit);
        this.jobs = new PgJobQueue(db.jdbi(), Backoff.DEFAULT, PgJobQueue.DEFAULT_MAX_ATTEMPTS);
        this.blobs = new BlobStore(config.dataDir().resolve("blobs"), db.jdbi(),
                blob -> BlobSignals.enqueue(jobs, blob));
        this.detect = new Detect(db.jdbi(), audit, jobs, clock, config.retrainMinAssessments());
        this.ingest = new Ingest(db.jdbi(), new Sources(db.jdbi(), audit), (source, batch, items) -> {
            detect.step.afterIngest(source, batch, items);
            ReappearStep.afterIngest(jobs, source, batch, items);
        });
        this.telegram = new TelegramImporter(ingest, blobs, platforms);
        this.tme = new TmeCollector(ingest, blobs, platforms);
        this.warc = new WarcImporter(ingest, blobs, platforms);
        this.itemsFiles = new ItemsFile(ingest, blobs, platforms);
        this.uploads = new UploadImports(uploadImporters(), blobs, jobs, db.jdbi());
        this.workers = new WorkerPool(jobs, config.workerThreads(), Duration.ofSeconds(30));
        this.queueAdmin = new QueueAdmin(db.jdbi(), audit);
        this.signals = new Signals(db.jdbi(), audit, jobs, workers);
        this.blobSignals = new BlobSignals(blobs, signals.hasher, signals.signalMatcher, jobs, db.jdbi());
        this.messages = Messages.loadAll(ZoneId.systemDefault());
        this.items = new ItemQueries(db.jdbi());
        this.review = new Review(db.jdbi(), audit, items);
        this.detectCases = new CaseDetection(db.jdbi(), audit, jobs, review);
        this.deliveries = new Deliveries(db.jdbi(), audit, clock);
        this.referral = new Referral(db.jdbi(), audit, review, platforms, messages,
                config.publicUrl(), clock);
        this.reappear = new Reappear(db.jdbi(), audit, signals, review.cases, jobs, clock);
        this.verify = new Verify(db.jdbi(), audit, clock, jobs, config.outboundAllowedNetworks(),
                "OpenIRU/" + version(), config.workerThreads(), reappear.reappearances::countsForStatistics);
        // Webhooks go through the same outbound guard as the checks. Two sending threads per process (none in a
        // process that only enqueues); more processes send more.
        this.deliveryWorkers = DeliveryWorkers.of(deliveries, config.mail(), verify.http, clock,
                config.workerThreads() == 0 ? 0 : 2);
        // Removed content is kept for the preservation period or a legal hold, then purged.
        this.preservation = new Preservation(db.jdbi(), audit, blobs, config.preservation(), clock);
        this.removalOrders = new RemovalOrders(db.jdbi(), audit, clock, blobs, review.cases, jobs,
                config.publicUrl().map(Object::toString).orElse(""));
        this.reports = new Reports(db.jdbi(), audit, messages, clock);
        this.dashboard = new Dashboard(db.jdbi(), removalOrders.queries, clock);
        this.campaign = new Campaign(db.jdbi(), audit, items, clock);
        this.network = new Network(db.jdbi(), audit, jobs, clock);
    }

    /** What the sources page imports from an uploaded file, by source kind. */
    private Map<String, UploadImports.Importer> uploadImporters() {
        Progress quiet = Progress.NONE;
        return Map.of(
                "telegram_export", (who, file, name) -> telegram.importExport(who, file,
                        TelegramImporter.Options.defaults().withSourceName(name), quiet),
                "warc", (who, file, name) -> {
                    WarcImporter.Options d = WarcImporter.Options.defaults();
                    return warc.importWarc(who, file, new WarcImporter.Options(name, d.maxRecordBytes(),
                            d.maxTotalBytes()), quiet);
                },
                "jsonl", (who, file, name) -> itemsFiles.importJsonl(who, file, name, ItemsFile.DEFAULT_MAX_LINE_BYTES,
                        quiet),
                "urls", (who, file, name) -> itemsFiles.importCsv(who, file, name, ItemsFile.DEFAULT_MAX_LINE_BYTES,
                        quiet));
    }

    /** Connects to the configured database (starting or joining the embedded one) and migrates it. */
    public static OpenIru open(OpenIruConfig config) {
        DatabaseServer server = config.dbUrl()
                .map(url -> DatabaseServer.external(url, config.dbUser(), config.dbPassword()))
                .orElseGet(() -> EmbeddedPostgresServer.open(config.dataDir()));
        return open(config, server);
    }

    public static OpenIru open(OpenIruConfig config, DatabaseServer server) {
        return open(config, server, Clock.systemUTC());
    }

    public static OpenIru open(OpenIruConfig config, DatabaseServer server, Clock clock) {
        Database db;
        try {
            db = Database.connect(server.jdbcUrl(), server.user(), server.password(), 10 + config.workerThreads());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            server.close();
            throw e;
        }
        return new OpenIru(config, server, db, clock);
    }

    public WebServer startWeb() {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);

        Authenticator auth = new Authenticator(sessions, tokens, users);
        Pages pages = new Pages(messages, auth);
        Routes routes = new Routes();
        new SystemRoutes(db::isReady, metrics, pages, version()).register(routes);
        new HomeRoutes(this, pages, auth).register(routes);
        AuthRoutes authRoutes = new AuthRoutes(users, sessions, tokens, new LoginThrottle(db.jdbi()), auth, audit,
                pages, (int) config.sessionTtl().toSeconds(), config.oidc().map(OpenIruConfig.Oidc::label).orElse(null));
        authRoutes.register(routes);
        config.oidc().ifPresent(oidc -> new OidcRoutes(oidc, config.publicUrl(), db.jdbi(), users, units, authRoutes,
                audit, pages).register(routes));
        new UserRoutes(users, units, platforms, pages, auth).register(routes);
        new UnitRoutes(units, pages, auth).register(routes);
        new PlatformRoutes(platforms, new WebhookSecrets(db.jdbi(), audit), pages, auth).register(routes);
        new DeliveryRoutes(deliveries, platforms, pages, auth).register(routes);
        new ItemsApi(ingest, blobs, platforms, auth).register(routes);
        new AuditRoutes(audit, pages).register(routes);
        new IngestRoutes(items, ingest.sources, uploads, platforms, signals.signalMatcher,
                detect.scores, pages, auth).register(routes);
        new EvidenceRoutes(blobs).register(routes);
        new QueueRoutes(queueAdmin, pages, auth).register(routes);
        signals.register(routes, pages, auth);
        detect.register(routes, pages, auth);
        review.register(routes, pages, auth, users, signals.signalMatcher, detect.scores);
        detectCases.register(routes, pages, auth, platforms);
        referral.register(routes, pages, auth);
        verify.register(routes, pages, auth, platforms);
        reappear.register(routes, pages, auth);
        preservation.register(routes, pages, auth);
        removalOrders.register(routes, pages, auth, units, platforms);
        reports.register(routes, pages, auth, units, campaign);
        campaign.register(routes, pages, auth);
        network.register(routes, pages, auth);
        web = new WebServer(config.host(), config.port(), routes, auth, pages, metrics).start();
        return web;
    }

    /** Starts the configured number of workers on the registered queues (none when configured to 0). */
    public void startWorkers() {
        Housekeeping housekeeping = new Housekeeping(jobs, sessions, review.holds::expireDue);
        workers.register(Housekeeping.QUEUE, housekeeping, Housekeeping.LEASE);
        workers.register(UploadImports.QUEUE, uploads, UploadImports.LEASE);
        reappear.register(workers);
        workers.register(BlobSignals.QUEUE, afterHashing(blobSignals), Duration.ofMinutes(10));
        PurgeJob purge = new PurgeJob(preservation, jobs);
        workers.register(PurgeJob.QUEUE, purge, PurgeJob.LEASE);
        // scoring, then clustering the scored items into cases
        workers.register(ScoreStep.QUEUE, job -> {
            detect.step.handle(job);
            detectCases.step.afterScoring("scored:" + job.id(), ItemJobs.items(job));
        }, Duration.ofMinutes(10));
        workers.register(ScoreStep.SWEEP, detect.step::handleSweep, Duration.ofMinutes(10));
        workers.register(Retrain.QUEUE, detect.retrain::handle, Duration.ofMinutes(30));
        detectCases.register(workers);
        verify.registerWorkers(workers);
        blobSignals.enqueueMissing();
        detect.step.enqueueUnscored();
        detectCases.step.enqueueUnclustered();
        detect.step.scheduleSweep();
        detect.retrain.schedule();
        housekeeping.schedule();
        reappear.step.schedule();
        purge.schedule();
        removalOrders.registerWorkers(workers);
        network.register(workers);
        workers.start();
        deliveryWorkers.start();
    }

    /**
     * The hashing step, then the steps that look again at the items carrying the hashed file (scoring with its
     * bank hits, the reappearance check), with the items looked up once.
     */
    private JobHandler afterHashing(JobHandler hashing) {
        return job -> {
            hashing.handle(job);
            String sha256 = Json.MAPPER.readTree(job.payload()).get("sha256").asText();
            List<Long> items = detect.scores.itemsWithBlob(sha256);
            String key = "hashed:" + sha256 + ":" + job.id();
            detect.step.afterHashing(key, items);
            ReappearStep.afterHashing(jobs, key, items);
        };
    }

    /** The database this process uses, for the start-up message. */
    public String databaseDescription() {
        return server.describe();
    }

    public static String version() {
        try (InputStream in = OpenIru.class.getResourceAsStream("/openiru-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "development");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (web != null) {
            web.close();
        }
        deliveryWorkers.close();
        workers.close();
        dashboard.close();
        db.close();
        server.close();
    }
}
