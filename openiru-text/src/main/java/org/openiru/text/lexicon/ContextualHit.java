package org.openiru.text.lexicon;

/** A hit with its context; {@code because} is the distance-side hit that set the context, or null. */
public record ContextualHit(Hit hit, HitContext context, Hit because) {
}
