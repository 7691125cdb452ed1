package org.openiru.verify;

/**
 * A gone marker as the API and the form send it: {@code platform} is a platform's slug, or null/blank for every
 * platform; {@code enabled} null means enabled.
 */
public record MarkerBody(String platform, String hostPattern, String kind, String pattern, String label, String note,
                         Boolean enabled) {
}
