package org.openiru.unit;

/** A referral unit or agency; users belong to one. */
public record Unit(long id, String slug, String name, String country, String contactEmail) {
}
