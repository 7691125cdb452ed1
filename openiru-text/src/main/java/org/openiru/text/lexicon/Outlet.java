package org.openiru.text.lexicon;

import java.util.List;

/** An official media outlet or brand of an entity, with the spellings it is known by. */
public record Outlet(String name, List<String> aliases) {
    public Outlet {
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
    }
}
