package org.openiru.store;

/** Where the database is, and (for the embedded default) the server this process owns or joined. */
public interface DatabaseServer extends AutoCloseable {
    String jdbcUrl();

    String user();

    String password();

    /** One line for the operator: which database this process uses. */
    String describe();

    @Override
    void close();

    static DatabaseServer external(String url, String user, String password) {
        return new DatabaseServer() {
            @Override public String jdbcUrl() { return url; }
            @Override public String user() { return user; }
            @Override public String password() { return password; }
            @Override public String describe() { return "external PostgreSQL at " + url; }
            @Override public void close() { }
        };
    }
}
