package org.openiru.ingest;

import java.util.List;
import org.openiru.app.OpenIru;

/** Reads the item tables in tests of importers. */
public final class ItemTables {
    private ItemTables() {
    }

    public static List<String> strings(OpenIru app, String sql) {
        return app.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    /** Every row of the item tables with its row version (xmin): any write, even of equal values, changes it. */
    public static String snapshot(OpenIru app) {
        return String.join("\n", strings(app, """
                SELECT 'items ' || xmin || ' ' || id FROM items
                UNION ALL SELECT 'versions ' || xmin || ' ' || item_id || '/' || version FROM item_versions
                UNION ALL SELECT 'actors ' || xmin || ' ' || id FROM actors
                UNION ALL SELECT 'blobs ' || xmin || ' ' || item_id FROM item_blobs
                UNION ALL SELECT 'outlinks ' || xmin || ' ' || item_id || ' ' || url FROM outlinks
                ORDER BY 1"""));
    }
}
