package org.openiru.platform;

import java.util.List;

/** An online service provider and its contact points for referrals and removal orders. */
public record Platform(long id, String slug, String name, String kind, List<String> domains, String referralEmail,
                       String webhookUrl, String tcoContact, List<String> acceptedLanguages,
                       String legalRepresentative, String mainEstablishment) {

    public static final List<String> KINDS = List.of("messaging", "social_network", "video_sharing", "file_hosting",
            "web_archive", "paste_site", "forum", "website", "other");
}
