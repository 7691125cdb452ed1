package org.openiru.text.lexicon;

import java.util.List;

/**
 * A designated organisation: its own names and aliases ({@code names}), the names its opponents and
 * journalists use ({@code exonyms}, e.g. "Daesh") and its official outlets.
 */
public record Entity(String id, String name, List<String> names, List<String> exonyms, List<Outlet> outlets) {
    public Entity {
        names = List.copyOf(names == null ? List.of() : names);
        exonyms = List.copyOf(exonyms == null ? List.of() : exonyms);
        outlets = List.copyOf(outlets == null ? List.of() : outlets);
    }
}
