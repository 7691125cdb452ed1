package org.openiru.text.lexicon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads reference data YAML (format in {@code docs/detection.md}). Term classes the file names but this
 * code does not know are an error, so a typo cannot silently drop a list.
 */
public final class ReferenceDataLoader {

    public static final String DEFAULT_RESOURCE = "/reference/reference-data.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ReferenceDataLoader() {
    }

    /** The reference data shipped in this module. */
    public static ReferenceData loadDefault() {
        try (InputStream in = ReferenceDataLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReferenceData load(InputStream yaml) throws IOException {
        RawFile raw = YAML.readValue(yaml, RawFile.class);
        if (raw.version() == null || raw.version().isBlank()) {
            throw new IOException("reference data without a version");
        }
        Map<TermClass, List<String>> terms = new EnumMap<>(TermClass.class);
        if (raw.terms() != null) {
            for (Map.Entry<String, List<String>> e : raw.terms().entrySet()) {
                TermClass termClass;
                try {
                    termClass = TermClass.fromId(e.getKey());
                } catch (IllegalArgumentException unknown) {
                    throw new IOException("unknown term class: " + e.getKey(), unknown);
                }
                if (termClass == TermClass.ENTITY_NAME || termClass == TermClass.OUTLET) {
                    throw new IOException(e.getKey() + " comes from the entities, not from a term list");
                }
                terms.put(termClass, e.getValue() == null ? List.of() : e.getValue());
            }
        }
        return new ReferenceData(raw.version(), raw.entities() == null ? List.of() : raw.entities(), terms);
    }

    private record RawFile(String version, List<Entity> entities, Map<String, List<String>> terms) {
    }
}
