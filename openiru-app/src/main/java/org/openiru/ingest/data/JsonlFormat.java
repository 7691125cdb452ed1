package org.openiru.ingest.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.openiru.app.Json;
import org.openiru.ingest.IncomingItem;

/** JSON Lines: every non-blank line is one item object of the schema in docs/ingest.md. */
final class JsonlFormat implements ItemsFile.LineFormat {
    @Override
    public IncomingItem item(Lines.Line line, ItemJson schema) throws ItemJson.Invalid {
        try {
            return schema.parse(Json.MAPPER.readTree(line.text()));
        } catch (JsonProcessingException e) {
            throw new ItemJson.Invalid("not JSON: " + e.getOriginalMessage() + " (column "
                    + e.getLocation().getColumnNr() + ")");
        }
    }
}
