package org.openiru.ingest.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openiru.app.Json;
import org.openiru.ingest.IncomingItem;

/**
 * A list of URLs as CSV, one record per line: {@code url[,platform][,note]}. A first line whose first field is
 * {@code url} is a header. Each URL becomes an item without text (a location to check later); the platform is
 * the short name of a platform, else found from the URL's host; the note is kept in the raw record.
 */
final class UrlListFormat implements ItemsFile.LineFormat {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setTrim(true).get();
    private final Path file;

    UrlListFormat(Path file) {
        this.file = file;
    }

    @Override
    public IncomingItem item(Lines.Line line, ItemJson schema) throws ItemJson.Invalid {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(line.text(), CSV)) {
            records = parser.getRecords();
        } catch (IOException | IllegalStateException e) {
            throw new ItemJson.Invalid("not CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new ItemJson.Invalid("not CSV: " + e.getCause().getMessage());
        }
        CSVRecord r = records.get(0);
        if (line.number() == 1 && r.get(0).equalsIgnoreCase("url")) {
            return null;
        }
        if (records.size() != 1 || r.size() > 3) {
            throw new ItemJson.Invalid("expected 1 to 3 columns (url, platform, note), found " + r.size());
        }
        ObjectNode item = Json.MAPPER.createObjectNode().put("url", r.get(0));
        if (r.size() > 1 && !r.get(1).isEmpty()) {
            item.put("platform", r.get(1));
        }
        ObjectNode raw = item.putObject("raw").put("file", file.toString()).put("line", line.number());
        if (r.size() > 2) {
            raw.put("note", r.get(2));
        }
        return schema.parse(item);
    }
}
