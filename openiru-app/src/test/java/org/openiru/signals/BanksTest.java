package org.openiru.signals;

import org.openiru.testing.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.audit.Actor;
import org.openiru.hashing.banks.ParseMode;
import org.openiru.hashing.banks.SignalType;
import org.openiru.store.queue.Job;
import org.openiru.testing.TestApp;
import org.openiru.web.ApiException;

/** Banks, imports, matching with negative banks, the index following changes, retro-hunts and the forward path. */
class BanksTest {
    private static final String A = "f".repeat(64);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static TestApp t;
    private static Signals s;
    private static Actor actor;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        s = t.app.signals;
        actor = new Actor(null, "tester", t.unit.id(), "test");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static Bank bank(String name, String kind, int threshold) {
        return s.banks.create(actor, new BankInput(name, "", kind, threshold, true, "local", null));
    }

    private static BankImports.Report importText(Bank b, String text, BankFileFormat format, SignalType type,
                                                 ParseMode mode) throws Exception {
        return s.imports.importFile(actor, b.id(), new StringReader(text), "list.txt",
                new BankImports.Options(format, type, mode, "Example entity", List.of("synthetic")));
    }

    /** A PDQ hash {@code bits} bits away from all ones. */
    private static String near(int bits) {
        return "0".repeat(bits / 4) + "f".repeat(64 - bits / 4);
    }

    @Test
    void importIsIdempotentAndBadLinesAreNamedWithoutStoppingTheBatch() throws Exception {
        Bank b = bank("IMPORTED", "known", 31);
        String file = "pdq " + A + "\npdq " + A + "\nmd5 " + MD5 + "\npdq abc\nsha1 " + MD5 + "\nurl https://x.example/\n";
        BankImports.Report r = importText(b, file, BankFileFormat.HMA, null, ParseMode.COLLECT_ERRORS);
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.errors()).containsExactly(
                "list.txt:4: pdq must be 64 hex digits, got 3 characters",
                "list.txt:5: unknown signal type 'sha1'",
                "list.txt:6: url signals cannot be banked yet; only pdq, md5, sha256, video_md5");
        BankImports.Report again = importText(b, file, BankFileFormat.HMA, null, ParseMode.COLLECT_ERRORS);
        assertThat(again.added()).isZero();
        assertThat(again.retrohunt()).isNull();
        Banks.EntryPage page = s.banks.entries(b.id(), new Banks.EntryFilter(null, null, "synthetic"), 1, 50);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.entries()).allSatisfy(e -> assertThat(e.entity()).isEqualTo("Example entity"));
    }

    @Test
    void strictModeStopsAtTheFirstBadLineAndStoresNothing() {
        Bank b = bank("STRICT", "known", 31);
        assertThatThrownBy(() -> importText(b, MD5 + "\nnot-a-hash\n", BankFileFormat.HEX, null, ParseMode.STRICT))
                .isInstanceOf(ApiException.class).hasMessageContaining("list.txt:2:");
        assertThat(s.banks.get(b.id()).entries()).isZero();
    }

    @Test
    void csvAndHexListsImportAndExport() throws Exception {
        Bank b = bank("FORMATS", "known", 31);
        String csv = "collab,signal_type,signal_str,category,tags\nTAT,pdq," + A + ",TRUE_POSITIVE,isis amaq\n";
        assertThat(importText(b, csv, BankFileFormat.CSV, null, ParseMode.COLLECT_ERRORS).added()).isEqualTo(1);
        BankImports.Report hex = importText(b, A + "\n" + MD5 + "\n", BankFileFormat.HEX, null, ParseMode.COLLECT_ERRORS);
        assertThat(hex.added()).isEqualTo(1);
        assertThat(hex.errors()).containsExactly("list.txt:1: 64 hex digits may be pdq or sha256; "
                + "read this list with its type given");
        Entry e = s.banks.entries(b.id(), new Banks.EntryFilter("FFFF", null, "amaq"), 1, 10).entries().get(0);
        assertThat(e.note()).isEqualTo("collab TAT; category TRUE_POSITIVE");
        StringWriter out = new StringWriter();
        s.imports.export(b.id(), BankFileFormat.HMA, null, out);
        assertThat(out.toString()).isEqualTo("pdq " + A + "\nmd5 " + MD5 + "\n");
    }

    @Test
    void negativeBanksCancelAndTheIndexFollowsEveryChange() {
        Bank known = bank("KNOWN_PROPAGANDA", "known", 10);
        Bank news = bank("NEWS_LOGOS", "negative", 31);
        s.banks.addEntries(actor, known.id(), List.of(NewEntry.of(SignalType.PDQ, A)), "test");
        assertThat(s.matcher.match(Map.of(SignalType.PDQ, near(8)), null)).singleElement()
                .satisfies(m -> assertThat(m.cancelled()).isFalse());
        assertThat(s.matcher.match(Map.of(SignalType.PDQ, near(12)), null)).isEmpty();

        IndexedEntry logo = s.banks.addEntries(actor, news.id(), List.of(NewEntry.of(SignalType.PDQ, near(16))), "test")
                .added().get(0);
        List<BankMatch> both = s.matcher.match(Map.of(SignalType.PDQ, near(8)), null);
        assertThat(both).hasSize(2);
        BankMatch positive = both.stream().filter(m -> m.bank().equals("KNOWN_PROPAGANDA")).findFirst().orElseThrow();
        assertThat(positive.cancelled()).isTrue();
        assertThat(positive.cancelReason()).startsWith("matches negative bank NEWS_LOGOS");

        s.banks.removeEntry(actor, news.id(), logo.id());
        assertThat(s.matcher.match(Map.of(SignalType.PDQ, near(8)), null)).singleElement()
                .satisfies(m -> assertThat(m.cancelled()).isFalse());
        s.banks.update(actor, known.id(), new BankInput(null, null, null, null, false, null, null));
        assertThat(s.matcher.match(Map.of(SignalType.PDQ, near(8)), null)).isEmpty();
        assertThat(s.index.query(SignalType.PDQ, near(8))).hasSize(1);
        s.banks.delete(actor, known.id());
        assertThat(s.index.query(SignalType.PDQ, near(8))).isEmpty();
    }

    @Test
    void expiredEntriesAndOtherBanksAreLeftOut() {
        Bank b = bank("EXPIRING", "known", 31);
        String md5 = "ffffffffffffffffffffffffffff0000";
        s.banks.addEntries(actor, b.id(), List.of(new NewEntry(SignalType.MD5, md5, "", List.of(), "",
                Instant.now().minus(Duration.ofMinutes(1)), null)), "test");
        assertThat(s.matcher.match(Map.of(SignalType.MD5, md5), null)).isEmpty();
        s.banks.addEntries(actor, b.id(), List.of(NewEntry.of(SignalType.SHA256, A)), "test");
        assertThat(s.matcher.match(Map.of(SignalType.SHA256, A), null)).hasSize(1);
        assertThat(s.matcher.match(Map.of(SignalType.SHA256, A), java.util.Set.of("OTHER"))).isEmpty();
    }

    @Test
    void opinionsAreCountedPerUnit() {
        Bank b = bank("OPINIONS", "known", 31);
        long id = s.banks.addEntries(actor, b.id(), List.of(NewEntry.of(SignalType.MD5, "1".repeat(32))), "t")
                .added().get(0).id();
        s.banks.setOpinion(actor, id, "confirmed");
        s.banks.setOpinion(actor, id, "false_positive");
        Entry e = s.banks.entriesById(List.of(id)).get(id);
        assertThat(e.confirmed()).isZero();
        assertThat(e.falsePositive()).isEqualTo(1);
    }

    @Test
    void newImageContentIsMatchedAndRecordedAndOldContentIsRetroHunted() throws Exception {
        MediaHashes original = s.hasher.hash(ReferenceData.pdqImage("bridge-mods/aaa-orig.jpg"));
        MediaHashes blurred = s.hasher.hash(ReferenceData.pdqImage("bridge-mods/blur-a-lot.jpg"));
        List<ContentSignal> seen = List.of(new ContentSignal(SignalType.PDQ, blurred.pdq(), blurred.quality()),
                new ContentSignal(SignalType.MD5, blurred.md5(), null));
        assertThat(s.signalMatcher.matchAndRecord(blurred.sha256(), seen)).isEmpty();

        Bank b = bank("BRIDGES", "known", 31);
        BankImports.Report r = importText(b, "pdq " + original.pdq() + "\n", BankFileFormat.HMA, null,
                ParseMode.COLLECT_ERRORS);
        // What the worker pool does; other tests' hunts may be queued too, and running them is harmless.
        for (Job job : t.app.jobs.claim(RetroHunts.QUEUE, 100, Duration.ofMinutes(5), "test")) {
            s.retroHunts.run(job);
            t.app.jobs.complete(job);
        }
        RetroHunts.Hunt hunt = s.retroHunts.ofBank(b.id(), 1).get(0);
        assertThat(hunt.id()).isEqualTo(r.retrohunt());
        assertThat(hunt.state()).isEqualTo("done");
        assertThat(hunt.hits()).isEqualTo(1);
        assertThat(hunt.percent()).isEqualTo(100);
        assertThat(s.signalMatcher.hitsOf(blurred.sha256())).singleElement()
                .satisfies(h -> assertThat(h.bank()).isEqualTo("BRIDGES"));

        List<BankMatch> forward = s.signalMatcher.matchAndRecord(original.sha256(),
                List.of(new ContentSignal(SignalType.PDQ, original.pdq(), original.quality())));
        assertThat(forward).singleElement().satisfies(m -> assertThat(m.distance()).isZero());
        assertThat(s.signalMatcher.hitsOf(original.sha256())).hasSize(1);
    }
}
