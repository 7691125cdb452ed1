package org.openiru.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openiru.platform.PlatformInput;
import org.openiru.testing.TestApp;

/** The audit chain holds while untouched, and names the first row that was changed or removed. */
class AuditLogTest {
    private TestApp t;
    private final Actor actor = new Actor(null, "tester", null, "req-1");

    @BeforeEach
    void start() {
        t = TestApp.start();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void stateChangesAreAuditedWithBeforeAndAfter() {
        long id = t.platform("chan", "Channel host");
        t.app.platforms.update(actor, id, new PlatformInput("chan", "Channel host renamed", "forum", List.of(), "",
                "", "", List.of("ar"), "", ""));
        List<AuditEvent> events = t.app.audit.search(new AuditLog.Filter(null, "platform", Long.toString(id), null,
                null, null), null, 10);
        assertThat(events).extracting(AuditEvent::action).containsExactly("platform.updated", "platform.created");
        assertThat(events.get(0).payload()).contains("\"before\"", "Channel host renamed", "\"after\"");
        assertThat(events.get(0).actorName()).isEqualTo("tester");
        assertThat(events.get(0).requestId()).isEqualTo("req-1");
    }

    @Test
    void anUntouchedChainVerifies() {
        for (int i = 0; i < 20; i++) {
            t.app.audit.record(actor, "test.event", "thing", i, Map.of("n", i, "text", "نص عربي <b>"));
        }
        AuditLog.Verification v = t.app.audit.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.rowsChecked()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aRowChangedDirectlyInSqlIsNamed() {
        long target = 0;
        for (int i = 0; i < 10; i++) {
            long seq = t.app.audit.record(actor, "test.event", "thing", i, Map.of("n", i));
            if (i == 6) {
                target = seq;
            }
        }
        long tampered = target;
        t.app.db.jdbi().useHandle(h -> {
            // The table refuses changes through a trigger; a database superuser can switch triggers off.
            h.execute("SET session_replication_role = replica");
            h.execute("UPDATE audit_events SET payload = '{\"n\":600}' WHERE seq = ?", tampered);
            h.execute("SET session_replication_role = DEFAULT");
        });
        AuditLog.Verification v = t.app.audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).hasValue(tampered);
        assertThat(v.problem()).contains("changed");
    }

    @Test
    void aDeletedRowBreaksTheLinkOfTheNextOne() {
        long[] seqs = new long[5];
        for (int i = 0; i < 5; i++) {
            seqs[i] = t.app.audit.record(actor, "test.event", "thing", i, Map.of("n", i));
        }
        t.app.db.jdbi().useHandle(h -> {
            h.execute("SET session_replication_role = replica");
            h.execute("DELETE FROM audit_events WHERE seq = ?", seqs[2]);
            h.execute("SET session_replication_role = DEFAULT");
        });
        AuditLog.Verification v = t.app.audit.verify();
        assertThat(v.firstBroken()).hasValue(seqs[3]);
        assertThat(v.problem()).contains("does not link");
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        t.app.audit.record(actor, "test.event", "thing", 1, Map.of());
        assertThatThrownBy(() -> t.app.db.jdbi().useHandle(h -> h.execute("UPDATE audit_events SET action = 'x'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> t.app.db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_events")))
                .hasMessageContaining("append-only");
    }

    @Test
    void concurrentAppendsKeepOneChain() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    t.app.audit.record(actor, "test.concurrent", "worker", worker, Map.of("i", i));
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(t.app.audit.verify().intact()).isTrue();
    }
}
