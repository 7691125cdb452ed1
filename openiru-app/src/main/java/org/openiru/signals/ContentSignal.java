package org.openiru.signals;

import org.openiru.hashing.banks.SignalType;

/** A signal computed from stored content; {@code quality} is PDQ's (0..100), null for exact hashes. */
public record ContentSignal(SignalType type, String value, Integer quality) {
}
