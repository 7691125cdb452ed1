package org.openiru.ingest.url;

import java.util.Set;

/**
 * MEGA: {@code https://mega.nz/file/<id>#<key>} and {@code /folder/<id>#<key>}. The fragment is the decryption
 * key, without which the link opens nothing, so it is the one fragment that is kept. Legacy links
 * ({@code mega.nz/#!id!key}, {@code #F!id!key}, mega.co.nz) become the current form.
 */
final class MegaUrls extends HostRule {


    MegaUrls() {
        super(Set.of("mega.nz", "www.mega.nz", "mega.co.nz", "www.mega.co.nz"));
    }

    @Override
    UrlParts canonical(UrlParts url) {
        UrlParts mega = url.withHost("mega.nz").withoutQuery();
        String f = mega.fragment();
        if (mega.path().equals("/") && f != null && (f.startsWith("!") || f.startsWith("F!"))) {
            String[] idAndKey = f.substring(f.indexOf('!') + 1).split("!", 2);
            String route = f.startsWith("F") ? "/folder/" : "/file/";
            return mega.withPath(route + idAndKey[0]).withFragment(idAndKey.length > 1 ? idAndKey[1] : null);
        }
        return mega;
    }

    @Override
    boolean keepsFragment() {
        return true;
    }
}
