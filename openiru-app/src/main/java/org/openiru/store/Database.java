package org.openiru.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The connection pool, JDBI and the migrations. Every feature keeps its SQL migrations in
 * {@code db/migration/<feature>/}; Flyway applies them in version order (versions are dates, so features
 * written in parallel never collide), and applies a migration that arrives later with an earlier date too.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private volatile boolean migrated;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    public static Database connect(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("openiru");
        hc.setInitializationFailTimeout(-1);
        hc.setConnectionTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(hc);
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            ds.close();
            throw new StartupException("Database " + jdbcUrl + " is unreachable: " + firstLine(e.getMessage()), e);
        }
        return new Database(ds);
    }

    public void migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    // Features are merged in the order they are finished, not the order of their migration
                    // dates; a feature's migrations depend only on tables dated before them.
                    .outOfOrder(true)
                    .load()
                    .migrate();
            migrated = true;
        } catch (FlywayException e) {
            // Flyway's first line is only a heading; the lines after it name the migration and the problem.
            throw new StartupException("Database migration failed: " + oneLine(e.getMessage()), e);
        }
    }

    /** True when the database answers and every known migration is applied. */
    public boolean isReady() {
        if (!migrated) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String oneLine(String s) {
        return s == null ? "" : String.join("; ", s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
