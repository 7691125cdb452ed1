package org.openiru.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.testing.FreshDatabase;

/** The migrations of every feature apply cleanly, in date order, and a second run has nothing to do. */
@ExtendWith(FreshDatabase.class)
class MigrationsTest {
    @Test
    void everyFeatureOwnsItsTables(Database db) {
        List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .mapTo(String.class).list());
        assertThat(tables).contains("units", "platforms", "users", "auth_sessions", "api_tokens", "audit_events",
                "jobs");
    }

    @Test
    void migratingAgainChangesNothing(Database db) {
        db.migrate();
        var info = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied()).allSatisfy(m -> assertThat(m.getState().isFailed()).isFalse());
        assertThat(db.isReady()).isTrue();
    }
}
